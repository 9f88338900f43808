"""The comparison matrix and the situation guide: answers assembled from the rules."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from core.content_cache import active_locale

from .decisions import decisions_for_situation, latest_outcomes
from .glance import AtAGlance, describe_penalty, harshest, is_punished
from .models.rules import RuleStatus, Topic
from .queries import guides_for, profiles_for_locale
from .situations import SITUATIONS, SITUATIONS_BY_CODE


def _cell(rules):
    """The most telling rule of a topic for the matrix: the one with the highest penalty
    (as in the at-a-glance box), else the first in force."""
    if not rules:
        return None
    lead = harshest(rules)
    if lead is None:
        active = [r for r in rules if r.status != RuleStatus.REPEALED] or rules
        lead = next((r for r in active if r.status == RuleStatus.IN_FORCE), active[0])
    return {"rule": lead, "penalty": describe_penalty(lead), "more": len(rules) - 1}


def comparison(request, index_page):
    profiles = profiles_for_locale(active_locale())
    topics = Topic.choices
    rows = []
    for profile in profiles:
        by_topic = {}
        for rule in profile.ordered_rules:
            by_topic.setdefault(rule.topic, []).append(rule)
        rows.append(
            {
                "profile": profile,
                "cells": [(label, _cell(by_topic.get(code, []))) for code, label in topics],
            }
        )
    decision_columns, decision_rows = latest_outcomes(profiles, request)
    return render(
        request,
        "knowledge/comparison.html",
        {
            "page": index_page,
            "topics": topics,
            "rows": rows,
            "decision_columns": decision_columns,
            "decision_rows": decision_rows,
        },
    )


def situation_guide(request, index_page):
    profiles = profiles_for_locale(active_locale())
    by_code = {p.country.code: p for p in profiles}
    country_code = request.GET.get("country", "")
    situation_code = request.GET.get("situation", "")
    errors = []
    answer = None
    status = 200

    if "country" in request.GET or "situation" in request.GET:
        profile = by_code.get(country_code)
        situation = SITUATIONS_BY_CODE.get(situation_code)
        if profile is None:
            errors.append(_("Please choose a country from the list."))
        if situation is None:
            errors.append(_("Please choose the situation that fits you best."))
        if errors:
            status = 400
        else:
            rules = [r for r in profile.ordered_rules if situation.concerns(r)]
            decisions, decision_count, decisions_url = decisions_for_situation(
                active_locale(), profile.country.code, situation, request
            )
            answer = {
                "profile": profile,
                "situation": situation,
                "glance": AtAGlance.from_rules(profile.ordered_rules),
                "rules": [r for r in rules if r.topic != Topic.ASYLUM],
                "penalties": [r for r in rules if is_punished(r)],
                "asylum": [r for r in rules if r.topic == Topic.ASYLUM],
                "guides": guides_for(active_locale(), profile.country, situation),
                "decisions": decisions,
                "decision_count": decision_count,
                "decisions_url": decisions_url,
            }

    return render(
        request,
        "knowledge/situation_guide.html",
        {
            "page": index_page,
            "profiles": profiles,
            "situations": SITUATIONS,
            "selected_country": country_code,
            "selected_situation": situation_code,
            "errors": errors,
            "answer": answer,
        },
        status=status,
    )
