from .countries import Country, CountryKind
from .decisions import DecidingKind, DecisionIndexPage, DecisionPage, Outcome, PersonSituation
from .pages import CountryProfilePage, GuidePage, KnowledgeIndexPage
from .review import KnowledgeSettings, RuleChange
from .rules import AffectedGroup, Availability, LegalRule, PenaltyKind, RuleStatus, Topic

__all__ = [
    "AffectedGroup",
    "Availability",
    "Country",
    "CountryKind",
    "CountryProfilePage",
    "DecidingKind",
    "DecisionIndexPage",
    "DecisionPage",
    "GuidePage",
    "KnowledgeIndexPage",
    "KnowledgeSettings",
    "LegalRule",
    "Outcome",
    "PenaltyKind",
    "PersonSituation",
    "RuleChange",
    "RuleStatus",
    "Topic",
]
