"""The 'at a glance' box and the short penalty/status texts, derived from rules.

Nothing here states a legal fact: every answer is assembled from the rules editors
enter, with interface wording that translators translate.
"""

from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import long_date

from .models.rules import Availability, PenaltyKind, RuleStatus, Topic


def months(count):
    return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}


def duration(months):
    """'21 months', '3 years', '2 years 6 months' in the reader's language."""
    years, rest = divmod(months, 12)
    if not years:
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    text = ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if rest:
        text += " " + ngettext("%(count)d month", "%(count)d months", rest) % {"count": rest}
    return text


def describe_imprisonment(rule):
    low, high = rule.prison_min_months, rule.prison_max_months
    if high and low and low != high:
        if low % 12 == 0 and high % 12 == 0:
            return _("%(low)d–%(high)s imprisonment") % {
                "low": low // 12,
                "high": duration(high),
            }
        return _("%(low)s to %(high)s imprisonment") % {
            "low": duration(low),
            "high": duration(high),
        }
    if high:
        return _("up to %(high)s imprisonment") % {"high": duration(high)}
    if low:
        return _("at least %(low)s imprisonment") % {"low": duration(low)}
    return ""


def describe_penalty(rule):
    """One line, e.g. 'criminal penalty: 3–10 years imprisonment; death penalty possible'."""
    if rule.penalty_kind == PenaltyKind.NONE and not rule.death_penalty:
        return ""
    parts = [p for p in (describe_imprisonment(rule), rule.fine) if p]
    if rule.death_penalty:
        parts.append(_("death penalty possible"))
    label = rule.get_penalty_kind_display()
    return f"{label}: {'; '.join(parts)}" if parts else str(label)


def describe_status(rule):
    """'in force since 24 September 2022', 'suspended since …', or just the status."""
    label = rule.get_status_display()
    if rule.status_since:
        return _("%(status)s since %(date)s") % {
            "status": label,
            "date": long_date(rule.status_since),
        }
    return str(label)


def legal_basis(rule):
    """'Criminal Code, Art. 328' (act, article, or both)."""
    return ", ".join(part for part in (rule.legal_act, rule.article) if part)


def rule_facts(rule):
    """The facts a profile lists under a rule, as (label, text) pairs: status first, then
    only what editors filled in. Assembled here rather than in the template, where each
    fact cost a dozen template nodes, for every rule of a profile."""
    facts = [(_("Status"), describe_status(rule))]
    if groups := rule.affected_groups:
        facts.append((_("Concerns"), ", ".join(groups)))
    if rule.availability:
        text = rule.get_availability_display()
        if rule.available_until:
            text += f" — {rule.available_until}"
        facts.append((_("Is it possible?"), text))
    if rule.service_months:
        facts.append((_("Length of service"), months(rule.service_months)))
    if basis := legal_basis(rule):
        facts.append((_("Legal basis"), basis))
    if penalty := describe_penalty(rule):
        facts.append((_("Penalty"), penalty))
    if rule.other_consequences:
        facts.append((_("Other consequences"), linebreaksbr(rule.other_consequences)))
    return facts


_KIND_RANK = {PenaltyKind.NONE: 0, PenaltyKind.ADMINISTRATIVE: 1, PenaltyKind.CRIMINAL: 2}


def penalty_weight(rule):
    """Order penalties by severity: the death penalty, then any criminal penalty above any
    administrative one (an administrative detention of some days does not outrank a
    criminal conviction), then the longest prison term."""
    return (
        rule.death_penalty,
        _KIND_RANK.get(rule.penalty_kind, 0),
        max(rule.prison_max_months or 0, rule.prison_min_months or 0),
        rule.prison_min_months or 0,
    )


def is_punished(rule):
    return rule.penalty_kind != PenaltyKind.NONE or rule.death_penalty


def harshest(rules):
    """The rule with the highest penalty among `rules` (all of one topic): a rule in force
    before a suspended or proposed one, then by penalty_weight(). None if none punishes."""
    punished = [r for r in rules if is_punished(r) and r.status != RuleStatus.REPEALED]
    if not punished:
        return None
    return max(punished, key=lambda r: (r.status == RuleStatus.IN_FORCE, penalty_weight(r)))


@dataclass
class GlanceItem:
    question: str
    answer: str
    detail: str
    rule: object  # the LegalRule the answer comes from, or None
    tone: str = "neutral"  # "good", "bad", "neutral": a colour hint, never the only signal


@dataclass
class AtAGlance:
    items: list

    @classmethod
    def from_rules(cls, rules):
        current = [r for r in rules if r.status != RuleStatus.REPEALED]
        by_topic = {}
        for rule in current:
            by_topic.setdefault(rule.topic, []).append(rule)
        return cls(
            items=[
                item
                for item in (
                    _objection(by_topic.get(Topic.OBJECTION, [])),
                    _alternative_service(by_topic.get(Topic.OBJECTION, [])),
                    _mobilization(by_topic.get(Topic.MOBILIZATION, [])),
                    _highest_penalty(
                        _("Highest penalty for draft evasion"), by_topic.get(Topic.EVASION, [])
                    ),
                    _highest_penalty(
                        _("Highest penalty for desertion"), by_topic.get(Topic.DESERTION, [])
                    ),
                    _asylum(by_topic.get(Topic.ASYLUM, [])),
                )
                if item is not None
            ]
        )


_TONE = {
    Availability.AVAILABLE: "good",
    Availability.LIMITED: "neutral",
    Availability.UNAVAILABLE: "bad",
}


def _first_with_availability(rules):
    return next((r for r in rules if r.availability), None)


def _objection(rules):
    rule = _first_with_availability(rules)
    if rule is None:
        return None
    answer = rule.get_availability_display()
    if rule.status == RuleStatus.SUSPENDED:
        answer, tone = _("no (suspended)"), "bad"
    else:
        tone = _TONE.get(rule.availability, "neutral")
    detail = rule.available_until if rule.status != RuleStatus.SUSPENDED else describe_status(rule)
    return GlanceItem(_("Can you object to military service?"), str(answer), detail, rule, tone)


def _alternative_service(rules):
    rule = next((r for r in rules if r.service_months), None)
    if rule is None:
        return None
    return GlanceItem(_("Length of alternative service"), months(rule.service_months), "", rule)


def _mobilization(rules):
    if not rules:
        return None
    rule = rules[0]
    return GlanceItem(_("Mobilisation"), rule.heading, describe_status(rule), rule)


def _highest_penalty(question, rules):
    rule = harshest(rules)
    if rule is None:
        return None
    answer = (
        _("death penalty")
        if rule.death_penalty
        else (describe_imprisonment(rule) or rule.get_penalty_kind_display())
    )
    return GlanceItem(question, str(answer), rule.heading, rule, "bad")


def _asylum(rules):
    rule = _first_with_availability(rules)
    if rule is None:
        return None
    return GlanceItem(
        _("Asylum prospects abroad"),
        str(rule.get_availability_display()),
        rule.heading,
        rule,
        _TONE.get(rule.availability, "neutral"),
    )
