"""Decisions as readers meet them: the filtered list, the latest decisions on each topic of a
profile, those for a situation, the comparison's table and the rules a decision turns on.

Everything but the rules is computed from one list of rows per language (one query, kept in
the content cache until the next publish), so each of these pages takes the same number of
queries however many decisions there are.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale, Page

from core.content_cache import active_locale, content_lookup
from core.fields import choice_labels
from core.mirror_state import current as mirror_copy
from core.privacy import public
from core.views import ReaderNotFound

from .models.countries import Country
from .models.decisions import (
    DECISIONS_PER_PAGE,
    FAVOURABLE_OUTCOMES,
    DecidingKind,
    DecisionPage,
    Outcome,
    PersonSituation,
)
from .models.pages import CountryProfilePage
from .models.rules import LegalRule, Topic

# The "decided in" filter's value for European courts and UN bodies.
INTERNATIONAL = "international"
LATEST_ON_PROFILE = 3
LATEST_IN_ANSWER = 5
FILTER_VALUE = re.compile(r"[A-Za-z0-9_-]{1,30}")


@dataclass
class DecisionRow:
    """What every list needs of a decision, without loading the page."""

    pk: int
    title: str
    url: str
    deciding_body: str
    kind: str
    deciding_code: str  # "" for European courts and UN bodies
    deciding_name: str
    decided_on: date
    date_is_reported: bool
    case_number: str
    origin_code: str
    origin_name: str
    situation: str
    outcome: str
    topics: tuple
    related: tuple = ()  # ((code, name), …) of the other countries it bears on

    @property
    def related_codes(self):
        return {code for code, _name in self.related}

    def concerns(self, country_code):
        """About people from `country_code`: their own case, or a ruling that bears on them."""
        return self.origin_code == country_code or country_code in self.related_codes

    @property
    def decided_in(self):
        return self.deciding_code or INTERNATIONAL

    @property
    def year(self):
        return str(self.decided_on.year)

    @property
    def outcome_label(self):
        return choice_labels(Outcome).get(self.outcome, self.outcome)

    @property
    def situation_label(self):
        return choice_labels(PersonSituation).get(self.situation, self.situation)

    @property
    def kind_label(self):
        return choice_labels(DecidingKind).get(self.kind, self.kind)

    @property
    def is_favourable(self):
        return self.outcome in FAVOURABLE_OUTCOMES


def _name_in(locale, country_key):
    """The name of a Country row in `locale` (a subquery; the row's own name if untranslated)."""
    translated = Country.objects.filter(
        locale_id=locale.pk, translation_key=OuterRef(f"{country_key}__translation_key")
    ).values("name")[:1]
    return Coalesce(Subquery(translated), F(f"{country_key}__name"))


ROW_FIELDS = (
    "pk",
    "title",
    "url_path",
    "deciding_body",
    "kind",
    "deciding_country__code",
    "decided_on",
    "date_is_reported",
    "case_number",
    "country__code",
    "situation",
    "outcome",
    "topics",
)


def decision_rows(locale, request=None):
    """[DecisionRow] of the live decisions of `locale`, newest first: one query (countries'
    names and the related countries joined in), kept in the content cache."""
    return _decision_rows(locale, request=request)


@content_lookup("decision-rows")
def _decision_rows(locale, *, request):
    values = (
        public(DecisionPage.objects.live())
        .filter(locale_id=locale.pk)
        .annotate(
            origin_name=_name_in(locale, "country"),
            deciding_name=_name_in(locale, "deciding_country"),
            related_code=F("related_countries__code"),
            related_name=_name_in(locale, "related_countries"),
        )
        .order_by("-decided_on", "-pk", "related_countries__code")
        .values(*ROW_FIELDS, "origin_name", "deciding_name", "related_code", "related_name")
    )
    rows = {}
    for v in values:  # one row per related country: gathered per decision, in order
        row = rows.get(v["pk"])
        if row is None:
            row = rows[v["pk"]] = DecisionRow(
                pk=v["pk"],
                title=v["title"],
                # Only the path is needed to route (and a query per page otherwise).
                url=Page(url_path=v["url_path"]).get_url(request),
                deciding_body=v["deciding_body"],
                kind=v["kind"],
                deciding_code=v["deciding_country__code"] or "",
                deciding_name=v["deciding_name"] or "",
                decided_on=v["decided_on"],
                date_is_reported=v["date_is_reported"],
                case_number=v["case_number"],
                origin_code=v["country__code"],
                origin_name=v["origin_name"],
                situation=v["situation"],
                outcome=v["outcome"],
                topics=tuple(v["topics"]),
            )
        if v["related_code"]:
            row.related += ((v["related_code"], v["related_name"]),)
    return list(rows.values())


def list_url(rows):
    """The decisions list's address: the parent of every decision (none without rows)."""
    if not rows:
        return ""
    return rows[0].url.rstrip("/").rsplit("/", 1)[0] + "/"


# --- the list and its filters ----------------------------------------------------------


def _values(row, name):
    if name == "origin":
        return {row.origin_code, *row.related_codes}
    if name == "decided_in":
        return {row.decided_in}
    if name == "topic":
        return set(row.topics)
    if name == "year":
        return {row.year}
    return {getattr(row, name)}


FILTER_NAMES = ("origin", "decided_in", "situation", "outcome", "topic", "year")


def read_filters(request):
    """The reader's filters; values that cannot be a code or a year are ignored."""
    filters = {}
    for name in FILTER_NAMES:
        value = request.GET.get(name, "").strip()
        if FILTER_VALUE.fullmatch(value):
            filters[name] = value
    return filters


def matching(rows, filters, leave_out=None):
    return [
        row
        for row in rows
        if all(value in _values(row, name) for name, value in filters.items() if name != leave_out)
    ]


def _option_labels(rows, name):
    """[(value, label)] of a filter, in the order readers expect."""
    if name in ("origin", "decided_in"):
        names = {}
        for row in rows:
            if name == "origin":
                names.setdefault(row.origin_code, row.origin_name)
                for code, country_name in row.related:
                    names.setdefault(code, country_name)
            else:
                names.setdefault(
                    row.decided_in, row.deciding_name or _("European courts and UN bodies")
                )
        international = names.pop(INTERNATIONAL, None)
        options = sorted(names.items(), key=lambda item: item[1])
        return options + ([(INTERNATIONAL, international)] if international else [])
    if name == "year":
        return [(y, y) for y in sorted({row.year for row in rows}, reverse=True)]
    choices = {"situation": PersonSituation, "outcome": Outcome, "topic": Topic}[name]
    present = {value for row in rows for value in _values(row, name)}
    return [(code, label) for code, label in choice_labels(choices).items() if code in present]


FILTER_LABELS = {
    "origin": gettext_lazy("People from"),
    "decided_in": gettext_lazy("Decided in"),
    "situation": gettext_lazy("Situation"),
    "outcome": gettext_lazy("Outcome"),
    "topic": gettext_lazy("Topic"),
    "year": gettext_lazy("Year"),
}


def filter_groups(rows, filters, base_url):
    """Plain links for every filter with the number of decisions each would show (given
    the other filters); values with none are left out unless chosen."""

    def link(name, value):
        params = {k: v for k, v in filters.items() if k != name}
        if mirror_copy():
            # A static copy holds one page per filter value, not every combination.
            params = {}
        if value is not None:
            params[name] = value
        return "?" + urlencode(params) if params else base_url

    groups = []
    for name in FILTER_NAMES:
        candidates = matching(rows, filters, leave_out=name)
        options = []
        for value, label in _option_labels(rows, name):
            count = sum(1 for row in candidates if value in _values(row, name))
            current = filters.get(name) == value
            if count or current:
                options.append(
                    {"label": label, "count": count, "url": link(name, value), "current": current}
                )
        groups.append(
            {
                "name": name,
                "label": str(FILTER_LABELS[name]),
                "any": name not in filters,
                "all_url": link(name, None),
                "all_count": len(candidates),
                "options": options,
            }
        )
    return groups


def _page_number(raw, paginator):
    if raw is None or raw == "":
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise ReaderNotFound
    return min(max(int(raw), 1), paginator.num_pages)


def decision_list_context(index, request):
    rows = decision_rows(Locale(pk=index.locale_id), request)
    filters = read_filters(request)
    found = matching(rows, filters)
    paginator = Paginator(found, DECISIONS_PER_PAGE, allow_empty_first_page=True)
    page = paginator.page(_page_number(request.GET.get("page"), paginator))
    return {
        "decisions_page": page,
        "decisions": list(page.object_list),
        "filters": filters,
        "filter_groups": filter_groups(rows, filters, index.get_url(request)),
        "result_count": len(found),
        "pager_querystring": urlencode(filters),
    }


# --- decisions on a profile's topics, for a situation, in the comparison ----------------


@dataclass
class TopicDecisions:
    latest: list
    count: int
    list_url: str


def decisions_by_topic(profile, request=None):
    """{topic code: TopicDecisions} for the profile's country in the profile's language."""
    # Only the locale's id is used: loading the profile's Locale would cost a query.
    rows = decision_rows(Locale(pk=profile.locale_id), request)
    code = profile.country.code
    base_url = list_url(rows)
    result = {}
    for topic in Topic.values:
        found = [row for row in rows if row.concerns(code) and topic in row.topics]
        if found:
            query = urlencode({"origin": code, "topic": topic})
            result[topic] = TopicDecisions(
                found[:LATEST_ON_PROFILE], len(found), f"{base_url}?{query}"
            )
    return result


def decisions_for_situation(locale, country_code, situation, request=None):
    """(latest decisions on people from the country in this situation, their number, the
    list's address for the country)."""
    rows = decision_rows(locale, request)
    wanted = set(situation.groups)
    if Topic.OBJECTION in situation.topics:
        wanted.add(PersonSituation.OBJECTORS)
    found = [
        row
        for row in rows
        if row.concerns(country_code)
        and row.situation in wanted
        and set(row.topics) & set(situation.topics)
    ]
    url = f"{list_url(rows)}?{urlencode({'origin': country_code})}"
    return found[:LATEST_IN_ANSWER], len(found), url


def latest_outcomes(profiles, request=None):
    """The comparison's table: for each profile's country, the latest decision per deciding
    country (European courts and UN bodies together). ([columns], [rows]) or ([], [])."""
    rows = decision_rows(active_locale(), request)
    codes = [profile.country.code for profile in profiles]
    relevant = [row for row in rows if any(row.concerns(code) for code in codes)]
    if not relevant:
        return [], []
    columns = _option_labels(relevant, "decided_in")
    table = []
    for profile in profiles:
        cells = []
        for decided_in, _label in columns:
            found = [
                row
                for row in relevant
                if row.concerns(profile.country.code) and row.decided_in == decided_in
            ]
            cells.append({"latest": found[0] if found else None, "more": max(len(found) - 1, 0)})
        table.append({"profile": profile, "cells": cells})
    return columns, table


# --- the rules a decision turns on -----------------------------------------------------


def rules_for_decision(decision):
    """[(profile, [rules])]: the live profiles, in the decision's language, of the person's
    country and the related countries, with their rules on the decision's topics."""
    countries = [decision.country_id, *(c.pk for c in decision.related_countries.all())]
    profiles = (
        public(CountryProfilePage.objects.live())
        .filter(locale_id=decision.locale_id, country_id__in=countries)
        .select_related("country")
        .prefetch_related(
            Prefetch("rules", queryset=LegalRule.objects.order_by("sort_order", "pk"))
        )
    )
    order = {pk: position for position, pk in enumerate(countries)}
    groups = []
    for profile in sorted(profiles, key=lambda p: order.get(p.country_id, len(order))):
        rules = [rule for rule in profile.rules.all() if rule.topic in decision.topics]
        if rules:
            groups.append((profile, rules))
    return groups
