"""Syncing translations after the English source changed: unchanged segments keep their
translations, the changed one is offered for translation again (through the admin's
"Sync translated pages" view and the translation editor's data)."""

from django.urls import reverse

from wagtail_localize.models import TranslationSource

import pytest

from knowledge.models import KnowledgeIndexPage
from translation.teams import LEADS_GROUP

from .translation_helpers import (
    edit_url,
    editor_props,
    messages_of,
    segment_translations,
    user_in_group,
)

CHANGED = "Country profiles and guides, now with a situation guide."


def knowledge_index(language):
    return KnowledgeIndexPage.objects.get(locale__language_code=language)


@pytest.mark.django_db
def test_sync_keeps_unchanged_segments_and_asks_for_the_changed_one(
    client, django_user_model, demo_content
):
    lead = user_in_group(django_user_model, "lead", LEADS_GROUP)
    translator = user_in_group(django_user_model, "translator-ru", "Translators: Русский")
    russian = knowledge_index("ru")
    client.force_login(translator)
    before = segment_translations(editor_props(client.get(edit_url(russian))))
    assert before["title"] and before["introduction"]  # the demo translates both

    # An editor changes one field of the English page and publishes it.
    english = knowledge_index("en")
    english.introduction = CHANGED
    english.save_revision().publish()

    # The lead presses "Sync translated pages" (the page header's button) and confirms.
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(lead)
    header = client.get(reverse("wagtailadmin_explore", args=[english.pk])).content.decode()
    assert sync_url in header
    response = client.get(sync_url)
    assert response.status_code == 200
    response = client.post(sync_url, {"next": edit_url(english)}, follow=True)
    assert f"Successfully updated translations for '{english.title}'" in messages_of(response)

    # In the translator's editor the unchanged segments keep their translations; the
    # changed one shows the new English text and waits for a translation.
    client.force_login(translator)
    props = editor_props(client.get(edit_url(russian)))
    after = segment_translations(props)
    assert after["title"] == before["title"]
    assert after["slug"] == before["slug"]
    assert after["introduction"] is None
    introduction = next(s for s in props["segments"] if s.get("contentPath") == "introduction")
    assert introduction["source"] == CHANGED
    # Not published yet: readers keep the old translation, with the out-of-date notice.
    assert knowledge_index("ru").introduction == russian.introduction
    client.logout()
    assert "translation-notice" in client.get("/ru/knowledge/").content.decode()
