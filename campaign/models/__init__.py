"""Campaign pages: the section page, appeals with their signatory organisations, campaign
material, the help page with the European network, and the fundraising."""

from .appeals import AppealDocument, AppealPage, Signatory, normalise_name, normalise_website
from .documents import (
    LANGUAGE_CHOICES,
    MATERIAL_LANGUAGE_CODES,
    LanguageDocument,
    group_documents_by_language,
    language_sort_key,
)
from .fundraising import FundraisingPage, SupportedGroupBlock
from .help import HelpPage, NetworkContact
from .index import CampaignIndexPage
from .material import MaterialDocument, MaterialPage

__all__ = [
    "LANGUAGE_CHOICES",
    "MATERIAL_LANGUAGE_CODES",
    "AppealDocument",
    "AppealPage",
    "CampaignIndexPage",
    "FundraisingPage",
    "HelpPage",
    "LanguageDocument",
    "MaterialDocument",
    "MaterialPage",
    "NetworkContact",
    "Signatory",
    "SupportedGroupBlock",
    "group_documents_by_language",
    "language_sort_key",
    "normalise_name",
    "normalise_website",
]
