"""Editors are only offered page types where they belong."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaign.models import CampaignIndexPage, HelpPage
from home.models import HomePage
from knowledge.models import KnowledgeIndexPage
from news.models import NewsIndexPage
from safety.models import SafetyPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(KnowledgeIndexPage, HomePage)

    def test_knowledge_index_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(KnowledgeIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, KnowledgeIndexPage)
        self.assertCanNotCreateAt(Page, KnowledgeIndexPage)
        self.assertCanNotCreateAt(KnowledgeIndexPage, KnowledgeIndexPage)

    def test_home_page_offers_the_knowledge_base(self):
        self.assertAllowedSubpageTypes(
            HomePage, {KnowledgeIndexPage, NewsIndexPage, CampaignIndexPage, HelpPage, SafetyPage}
        )


def test_every_page_type_of_the_site_is_a_site_page():
    """A page type that is not a SitePage drops out of base-form search ("дезертира" would
    not find it on the database backend) and reads its privacy settings from the database on
    every request: every page type of the project's apps must build on it."""
    from wagtail.models import get_page_models

    from core.models import SitePage

    ours = [
        model
        for model in get_page_models()
        if model is not Page and not model.__module__.startswith("wagtail")
    ]
    assert len(ours) >= 13, ours  # every app's pages are found, not an empty list
    assert [m.__name__ for m in ours if not issubclass(m, SitePage)] == []
    for model in ours:
        names = {field.field_name for field in model.get_search_fields()}
        assert "search_lemmas" in names, model
