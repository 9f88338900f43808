"""Translators work offline with PO files: download from the translation editor, edit,
upload back, publish. Files that are broken or belong to another translation are refused
with a message and change nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

import polib
import pytest

from knowledge.models import KnowledgeIndexPage

from .knowledge_helpers import profile
from .translation_helpers import (
    edit_url,
    editor_props,
    messages_of,
    segment_translations,
    string_translation_rows,
    translation_of,
    user_in_group,
)

NEW_INTRODUCTION = "Länderprofile und Ratgeber, offline übersetzt."


@pytest.fixture
def translator(django_user_model, demo_content):
    return user_in_group(django_user_model, "translator-de", "Translators: Deutsch")


def knowledge_index(language):
    return KnowledgeIndexPage.objects.get(locale__language_code=language)


def download(client, page):
    props = editor_props(client.get(edit_url(page)))
    response = client.get(props["links"]["downloadPofile"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    assert response["Content-Disposition"].endswith("-de.po")
    return props, response.content.decode()


def upload(client, props, content, page, name="translation.po"):
    if isinstance(content, str):
        content = content.encode()
    return client.post(
        props["links"]["uploadPofile"],
        {"file": SimpleUploadedFile(name, content), "next": edit_url(page)},
        follow=True,
    )


def with_introduction(po_text, text):
    po = polib.pofile(po_text)
    entry = next(entry for entry in po if entry.msgctxt == "introduction")
    entry.msgstr = text
    return str(po)


@pytest.mark.django_db
def test_po_round_trip_then_publish(client, translator, superuser):
    page = knowledge_index("de")
    client.force_login(translator)
    props, po_text = download(client, page)
    assert 'msgctxt "introduction"' in po_text

    response = upload(client, props, with_introduction(po_text, NEW_INTRODUCTION), page)
    assert "Successfully imported translations from PO File." in messages_of(response)
    props = editor_props(client.get(edit_url(page)))
    assert segment_translations(props)["introduction"] == NEW_INTRODUCTION
    # Imported, not yet published: readers still read the old text.
    assert NEW_INTRODUCTION not in client.get("/de/knowledge/").content.decode()

    # Someone allowed to publish presses "Publish in Deutsch" in the editor.
    client.force_login(superuser)
    response = client.post(edit_url(page), {"action": "publish"}, follow=True)
    # (The demo's German page leaves other strings untranslated, hence "with missing …".)
    assert messages_of(response)[0].startswith(f"Published '{page.title}' in Deutsch")
    client.logout()
    assert NEW_INTRODUCTION in client.get("/de/knowledge/").content.decode()


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


BROKEN_FILES = {
    "not text": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
    "not a PO file": b"Dear translator,\nthis is a letter, not a catalogue.\n",
    "empty": b"",
    "no header": b'msgctxt "introduction"\nmsgid "x"\nmsgstr "y"\n',
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(BROKEN_FILES))
def test_broken_po_file_is_refused(client, translator, kind):
    page = knowledge_index("de")
    translation = translation_of(page)
    before = string_translation_rows(translation)
    live_revision = page.live_revision_id
    client.force_login(translator)
    props = editor_props(client.get(edit_url(page)))

    response = upload(client, props, BROKEN_FILES[kind], page)
    assert response.status_code == 200
    errors = messages_of(response)
    assert any("PO file" in message for message in errors), errors
    assert string_translation_rows(translation) == before
    page.refresh_from_db()
    assert page.live_revision_id == live_revision


@pytest.mark.django_db
@pytest.mark.parametrize("other", ["another page", "another language"])
def test_po_file_of_another_translation_is_refused(client, translator, superuser, other):
    page = knowledge_index("de")
    translation = translation_of(page)
    before = string_translation_rows(translation)
    # The file comes from another translation's editor.
    source_page = knowledge_index("uk") if other == "another language" else profile("russia", "de")
    client.force_login(superuser)
    other_props = editor_props(client.get(edit_url(source_page)))
    po_text = client.get(other_props["links"]["downloadPofile"]).content.decode()
    po = polib.pofile(po_text)
    for entry in po:
        entry.msgstr = "Falsche Datei"
    client.force_login(translator)
    props = editor_props(client.get(edit_url(page)))

    response = upload(client, props, str(po), page)
    errors = messages_of(response)
    assert any("different translation" in message for message in errors), errors
    assert any(source_page.locale.get_display_name() in message for message in errors), errors
    assert string_translation_rows(translation) == before
