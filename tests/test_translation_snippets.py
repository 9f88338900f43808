"""Snippets are translated like pages: a translation lead submits a country for translation
in the admin and translates its name in the translation editor."""

from django.urls import reverse

from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

import pytest

from campaign.models import Signatory
from knowledge.models import Country
from news.models import NewsSeries
from translation.teams import LEADS_GROUP

from .translation_helpers import editor_props, messages_of, translate_segment, user_in_group


def test_content_snippets_are_translatable():
    snippets = set(get_snippet_models())
    assert {Country, NewsSeries} <= snippets
    assert all(issubclass(model, TranslatableMixin) for model in (Country, NewsSeries))
    # Signatures are what an organisation submitted about itself: kept as written.
    assert not issubclass(Signatory, TranslatableMixin)


@pytest.mark.django_db
def test_lead_submits_country_for_translation_and_translates_its_name(
    client, django_user_model, demo_content
):
    lead = user_in_group(django_user_model, "lead", LEADS_GROUP)
    english = Country.objects.create(
        name="Transnistria", code="MD-TN", locale=Locale.objects.get(language_code="en")
    )
    russian_locale = Locale.objects.get(language_code="ru")
    client.force_login(lead)

    # The snippet listing offers "Translate"; the form submits the country into Russian.
    listing = client.get(
        reverse("wagtailsnippets_knowledge_country:list"), {"q": "Transnistria"}
    ).content.decode()
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["knowledge", "country", english.pk]
    )
    assert submit_url in listing
    by_code = client.get(reverse("wagtailsnippets_knowledge_country:list"), {"q": "MD-TN"})
    assert "Transnistria" in by_code.content.decode()
    response = client.post(submit_url, {"locales": [russian_locale.pk]}, follow=True)
    assert (
        "The country 'Transnistria' was successfully submitted for translation into Русский"
        in messages_of(response)
    )
    russian = english.get_translation(russian_locale)
    assert russian.code == "MD-TN"

    # It lands in the translation editor of the Russian country.
    edit_url = reverse("wagtailsnippets_knowledge_country:edit", args=[russian.pk])
    props = editor_props(client.get(edit_url))
    assert translate_segment(client, props, "name", "Приднестровье").status_code == 201
    response = client.post(edit_url, {"action": "publish"}, follow=True)
    assert "Published 'Приднестровье' in Русский." in messages_of(response)
    russian.refresh_from_db()
    assert russian.name == "Приднестровье"
    assert english.localized.name == "Transnistria"


@pytest.mark.django_db
def test_translator_cannot_edit_snippets(client, django_user_model, demo_content):
    translator = user_in_group(django_user_model, "translator-ru", "Translators: Русский")
    country = Country.objects.filter(locale__language_code="ru").first()
    client.force_login(translator)
    response = client.get(reverse("wagtailsnippets_knowledge_country:edit", args=[country.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
