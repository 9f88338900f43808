"""`load_demo_content` builds the tree in five languages and is safe to run twice."""

import io

from django.core.management import call_command

from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from home.models import HelpChannels, HomePage
from knowledge.models import KnowledgeIndexPage
from translation.status import page_translations

from .conftest import LANGUAGE_CODES


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "help settings": HelpChannels.objects.count(),
    }


@pytest.mark.django_db
def test_second_run_changes_nothing(demo_content, django_capture_on_commit_callbacks):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=io.StringIO())
    assert counts() == before


@pytest.mark.django_db
def test_every_language_has_a_translated_home_and_knowledge_base(demo_content):
    english_home = HomePage.objects.get(locale__language_code="en")
    english_kb = KnowledgeIndexPage.objects.get(locale__language_code="en")
    for code in LANGUAGE_CODES:
        home = HomePage.objects.get(locale__language_code=code)
        kb = KnowledgeIndexPage.objects.get(locale__language_code=code)
        # Translations share the source's translation key: they are not unrelated copies.
        assert home.translation_key == english_home.translation_key
        assert kb.translation_key == english_kb.translation_key
        assert home.live and kb.live
        assert kb.get_parent().specific == home
        if code != "en":
            assert home.headline != english_home.headline
            assert kb.title != english_kb.title
            assert (
                TranslationSource.objects.get(object_id=english_home.translation_key)
                .translations.filter(target_locale__language_code=code)
                .exists()
            )


@pytest.mark.django_db
def test_default_site_serves_the_english_home(demo_content):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert site.root_page.locale.language_code == "en"


@pytest.mark.django_db
def test_the_demo_leaves_no_english_text_in_its_translated_pages(demo_content):
    """Every page the demo translates is translated whole: a reader of /ru/help/ does not
    meet an English partner description, and translators' worklists start empty."""
    lagging = [
        (row.language_code, row.source.title, row.untranslated)
        for row in page_translations()
        if row.untranslated
    ]
    assert not lagging
