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
