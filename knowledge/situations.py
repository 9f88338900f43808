"""The situations the situation guide asks about, and which rules concern each.

This is structure, not answers: it only says which topics and groups of people a
situation involves. What readers are told comes from the rules editors maintain.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models.rules import AffectedGroup as G
from .models.rules import Topic as T


@dataclass(frozen=True)
class Situation:
    code: str
    label: str
    groups: frozenset
    topics: tuple

    def concerns(self, rule):
        """A rule concerns the situation if its topic is relevant and it applies to one of
        the situation's groups (a rule for nobody in particular applies to everyone)."""
        if rule.topic not in self.topics:
            return False
        return not rule.applies_to or bool(self.groups.intersection(rule.applies_to))


def _situation(code, label, groups, topics):
    return Situation(code, label, frozenset(groups), tuple(topics))


SITUATIONS = [
    _situation(
        "not_called",
        _("I have not been called up yet"),
        [G.CONSCRIPTS, G.RESERVISTS, G.EVADERS],
        [T.CONSCRIPTION, T.OBJECTION, T.MOBILIZATION, T.EVASION, T.LEAVING, T.ASYLUM],
    ),
    _situation(
        "summons",
        _("I have received a summons"),
        [G.CONSCRIPTS, G.RESERVISTS, G.EVADERS],
        [T.CONSCRIPTION, T.OBJECTION, T.MOBILIZATION, T.EVASION, T.LEAVING, T.ASYLUM],
    ),
    _situation(
        "reservist",
        _("I am in the reserve"),
        [G.RESERVISTS, G.EVADERS],
        [T.MOBILIZATION, T.OBJECTION, T.EVASION, T.LEAVING, T.ASYLUM],
    ),
    _situation(
        "mobilized",
        _("I have been mobilised"),
        [G.MOBILIZED],
        [T.MOBILIZATION, T.OBJECTION, T.DESERTION, T.REFUSAL, T.LEAVING, T.ASYLUM],
    ),
    _situation(
        "serving",
        _("I am serving (conscript or contract soldier)"),
        [G.CONSCRIPTS, G.CONTRACT, G.MOBILIZED],
        [T.OBJECTION, T.DESERTION, T.REFUSAL, T.LEAVING, T.ASYLUM],
    ),
    _situation(
        "deserted",
        _("I have deserted"),
        [G.DESERTERS],
        [T.DESERTION, T.REFUSAL, T.LEAVING, T.ASYLUM],
    ),
    _situation(
        "abroad",
        _("I am already abroad"),
        [G.EVADERS, G.DESERTERS, G.RESERVISTS, G.CONSCRIPTS],
        [T.LEAVING, T.EVASION, T.DESERTION, T.ASYLUM],
    ),
]
SITUATIONS_BY_CODE = {s.code: s for s in SITUATIONS}
