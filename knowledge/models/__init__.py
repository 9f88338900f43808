from .changelog import RuleChange
from .countries import Country, CountryKind
from .decisions import DecidingKind, DecisionIndexPage, DecisionPage, Outcome, PersonSituation
from .pages import CountryProfilePage, GuidePage, KnowledgeIndexPage
from .rules import AffectedGroup, Availability, LegalRule, PenaltyKind, RuleStatus, Topic
from .settings import LegalReviewSettings

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
    "LegalReviewSettings",
    "LegalRule",
    "Outcome",
    "PenaltyKind",
    "PersonSituation",
    "RuleChange",
    "RuleStatus",
    "Topic",
]
