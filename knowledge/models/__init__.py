from .countries import Country, CountryKind
from .pages import CountryProfilePage, GuidePage, KnowledgeIndexPage
from .review import KnowledgeSettings, RuleChange
from .rules import AffectedGroup, Availability, LegalRule, PenaltyKind, RuleStatus, Topic

__all__ = [
    "AffectedGroup",
    "Availability",
    "Country",
    "CountryKind",
    "CountryProfilePage",
    "GuidePage",
    "KnowledgeIndexPage",
    "KnowledgeSettings",
    "LegalRule",
    "PenaltyKind",
    "RuleChange",
    "RuleStatus",
    "Topic",
]
