"""Machine translation: off by default, chosen from the environment, and the translation
editor's "Translate with …" fills the missing segments."""

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import import_string

import pytest

from knowledge.models import KnowledgeIndexPage
from translation.machine_translation import TRANSLATORS, machine_translator_setting

from .translation_helpers import (
    edit_url,
    editor_props,
    messages_of,
    segment_translations,
    translation_of,
    user_in_group,
)

DUMMY = {"CLASS": TRANSLATORS["dummy"], "OPTIONS": {}}


def translator_for(environ):
    setting = machine_translator_setting(environ)
    return import_string(setting["CLASS"])(setting["OPTIONS"])


def test_off_without_configuration():
    assert machine_translator_setting({}) is None
    assert machine_translator_setting({"MACHINE_TRANSLATOR": "off", "DEEPL_API_KEY": "k"}) is None


def test_deepl_free_key_uses_the_free_endpoint():
    setting = machine_translator_setting({"DEEPL_API_KEY": " abc:fx "})
    assert setting == {
        "CLASS": "translation.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "abc:fx"},
    }
    assert translator_for({"DEEPL_API_KEY": "abc:fx"}).get_api_endpoint() == (
        "https://api-free.deepl.com/v2/translate"
    )


def test_deepl_pro_key_uses_the_pro_endpoint():
    assert translator_for({"DEEPL_API_KEY": "abc"}).get_api_endpoint() == (
        "https://api.deepl.com/v2/translate"
    )


def test_deepl_is_not_offered_for_belarusian():
    from wagtail.models import Locale

    translator = translator_for({"DEEPL_API_KEY": "abc"})
    english = Locale(language_code="en")
    for code in ("de", "ru", "uk"):
        assert translator.can_translate(english, Locale(language_code=code))
    assert not translator.can_translate(english, Locale(language_code="be"))


def test_libretranslate_without_and_with_key():
    setting = machine_translator_setting({"LIBRETRANSLATE_URL": "https://lt.example.org/"})
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://lt.example.org", "API_KEY": ""},
    }
    setting = machine_translator_setting(
        {"LIBRETRANSLATE_URL": "http://10.0.0.5:5000", "LIBRETRANSLATE_API_KEY": "secret"}
    )
    assert setting["OPTIONS"] == {"LIBRETRANSLATE_URL": "http://10.0.0.5:5000", "API_KEY": "secret"}
    assert translator_for({"LIBRETRANSLATE_URL": "http://lt:5000"}).get_api_endpoint() == (
        "http://lt:5000"
    )


def test_dummy_translator_for_trying_the_editor():
    assert machine_translator_setting({"MACHINE_TRANSLATOR": "dummy"}) == DUMMY


def test_both_services_need_an_explicit_choice():
    both = {"DEEPL_API_KEY": "abc", "LIBRETRANSLATE_URL": "https://lt.example.org"}
    with pytest.raises(ImproperlyConfigured, match="choose one with MACHINE_TRANSLATOR"):
        machine_translator_setting(both)
    chosen = machine_translator_setting({**both, "MACHINE_TRANSLATOR": "LibreTranslate"})
    assert chosen["CLASS"] == TRANSLATORS["libretranslate"]


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MACHINE_TRANSLATOR": "google"}, "is not one of"),
        ({"MACHINE_TRANSLATOR": "deepl"}, "needs DEEPL_API_KEY"),
        ({"LIBRETRANSLATE_URL": "lt.example.org"}, "must be the service's address"),
    ],
)
def test_misconfiguration_is_reported(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        machine_translator_setting(environ)


@pytest.fixture
def translator(django_user_model, demo_content):
    return user_in_group(django_user_model, "translator-ru", "Translators: Русский")


def russian_knowledge_index():
    return KnowledgeIndexPage.objects.get(locale__language_code="ru")


@pytest.mark.django_db
def test_editor_offers_no_machine_translation_by_default(client, translator):
    page = russian_knowledge_index()
    client.force_login(translator)
    assert editor_props(client.get(edit_url(page)))["machineTranslator"] is None
    url = reverse("wagtail_localize:machine_translate", args=[translation_of(page).pk])
    assert client.post(url).status_code == 404


@pytest.mark.django_db
def test_machine_translate_fills_missing_segments(client, translator, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    page = russian_knowledge_index()
    # The English introduction changed and was synced: its segment waits for a translation.
    english = KnowledgeIndexPage.objects.get(locale__language_code="en")
    english.introduction = "Guides for people who refuse to fight"
    english.save_revision().publish()
    translation_of(page).source.update_from_db()

    client.force_login(translator)
    props = editor_props(client.get(edit_url(page)))
    title = segment_translations(props)["title"]
    assert segment_translations(props)["introduction"] is None
    assert props["machineTranslator"]["name"] == "Dummy translator"

    response = client.post(props["machineTranslator"]["url"], {"next": edit_url(page)}, follow=True)
    assert "Successfully translated with Dummy translator." in messages_of(response)
    after = segment_translations(editor_props(response))
    # The dummy translator reverses the words; existing translations are left alone.
    assert after["introduction"] == "fight to refuse who people for Guides"
    assert after["title"] == title

    response = client.post(props["machineTranslator"]["url"], {"next": edit_url(page)}, follow=True)
    assert "There isn't anything left to translate." in messages_of(response)
