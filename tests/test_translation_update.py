"""A translator brings a changed English original into their own translation editor, without
a lead syncing every language (translation/update.py)."""

from django.urls import reverse

from wagtail_localize.models import TranslationSource

import pytest

from knowledge.models import KnowledgeIndexPage
from translation.status import State, page_translations

from .translation_helpers import (
    edit_url,
    editor_props,
    messages_of,
    segment_translations,
    translation_of,
    user_in_group,
)

CHANGED = "Country profiles and guides, now with a situation guide."


def knowledge_index(language):
    return KnowledgeIndexPage.objects.get(locale__language_code=language)


@pytest.fixture
def changed_english(demo_content):
    english = knowledge_index("en")
    english.introduction = CHANGED
    english.save_revision().publish()
    return english


@pytest.fixture
def translator(django_user_model, demo_content):
    return user_in_group(django_user_model, "translator-uk", "Translators: Українська")


@pytest.mark.django_db
def test_translator_updates_their_editor_from_the_english_original(
    client, translator, changed_english
):
    ukrainian = knowledge_index("uk")
    published_introduction = ukrainian.introduction
    client.force_login(translator)

    # The editor says the English changed and offers the update.
    response = client.get(edit_url(ukrainian))
    props = editor_props(response)
    introduction = next(s for s in props["segments"] if s.get("contentPath") == "introduction")
    assert introduction["source"] != CHANGED  # not in the editor yet
    update = reverse("translation_update_source", args=[translation_of(ukrainian).pk])
    message = " ".join(messages_of(response))
    assert "The English original was changed on" in message
    assert update in response.content.decode()
    row = next(r for r in page_translations(["uk"]) if r.page and r.page.pk == ukrainian.pk)
    assert row.state == State.OUT_OF_DATE and row.needs_update_from_english

    # A confirmation says what it does, then the update.
    confirm = client.get(update).content.decode()
    assert "Nothing readers see changes" in confirm
    response = client.post(update, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(ukrainian)
    assert "is up to date in the translation editor" in " ".join(messages_of(response))

    props = editor_props(client.get(edit_url(ukrainian)))
    introduction = next(s for s in props["segments"] if s.get("contentPath") == "introduction")
    assert introduction["source"] == CHANGED
    translations = segment_translations(props)
    assert translations["introduction"] is None  # waits for the translator
    assert translations["title"]  # unchanged strings keep theirs
    assert "The English original was changed on" not in " ".join(
        messages_of(client.get(edit_url(ukrainian)))
    )
    # Readers still get the published translation; the row now asks for the translation.
    assert knowledge_index("uk").introduction == published_introduction
    row = next(r for r in page_translations(["uk"]) if r.page and r.page.pk == ukrainian.pk)
    assert row.state == State.OUT_OF_DATE and row.untranslated == 1


@pytest.mark.django_db
def test_only_for_a_translation_the_user_may_edit(client, django_user_model, changed_english):
    russian_translator = user_in_group(django_user_model, "translator-ru", "Translators: Русский")
    ukrainian = knowledge_index("uk")
    source = TranslationSource.objects.get(object_id=ukrainian.translation_key)
    updated_at = source.last_updated_at
    update = reverse("translation_update_source", args=[translation_of(ukrainian).pk])
    client.force_login(russian_translator)
    assert client.post(update).status_code in (302, 403)
    assert client.get(update).status_code in (302, 403)
    source.refresh_from_db()
    assert source.last_updated_at == updated_at
    # wagtail-localize's own sync stays the leads' (it needs submit_translation).
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync).status_code in (302, 403)
    source.refresh_from_db()
    assert source.last_updated_at == updated_at
