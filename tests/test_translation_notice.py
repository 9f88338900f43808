"""Readers of a translation learn when the English original changed after it was synced."""

from wagtail_localize.models import Translation, TranslationSource

import pytest

from knowledge.models import KnowledgeIndexPage

NOTICE = "translation-notice"  # the notice is in the reader's language


def republish(page):
    page = type(page).objects.get(pk=page.pk)
    page.introduction = page.introduction + " Updated."
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_notice_appears_after_the_source_changes_and_goes_after_sync(
    client, demo_content, django_capture_on_commit_callbacks
):
    assert NOTICE not in client.get("/ru/knowledge/").content.decode()

    english = republish(KnowledgeIndexPage.objects.get(locale__language_code="en"))
    html = client.get("/ru/knowledge/").content.decode()
    assert "translation-notice" in html
    assert 'href="/en/knowledge/" hreflang="en"' in html
    # other translations of the same page say so too; the English page does not
    assert NOTICE in client.get("/uk/knowledge/").content.decode()
    assert NOTICE not in client.get("/en/knowledge/").content.decode()

    # a translator syncs the Russian translation with the new source
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale__language_code="ru")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert NOTICE not in client.get("/ru/knowledge/").content.decode()
    assert NOTICE in client.get("/uk/knowledge/").content.decode()
