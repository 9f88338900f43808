"""The demo campaign: appeals with signatories, material, help network, fundraising."""

import pytest

from campaign.models import (
    AppealPage,
    CampaignIndexPage,
    FundraisingPage,
    HelpPage,
    MaterialPage,
    Signatory,
)
from demo import data as demo_data

from .conftest import LANGUAGE_CODES


@pytest.mark.django_db
def test_demo_appeals_have_enough_signatories(client, demo_content):
    appeals = AppealPage.objects.filter(locale__language_code="en")
    assert {a.slug for a in appeals} == {"appeal-bundestag", "appeal-european-parliament"}
    for appeal in appeals:
        approved = Signatory.objects.filter(appeal=appeal, status="approved")
        assert approved.count() >= 20
        assert approved.values("country").distinct().count() >= 8
        html = client.get(appeal.url).content.decode()
        assert f"<strong>{approved.count()} organisations</strong>" in html


@pytest.mark.django_db
def test_demo_campaign_pages_exist_in_every_language(client, demo_content):
    for model in (CampaignIndexPage, AppealPage, MaterialPage, FundraisingPage, HelpPage):
        english = model.objects.filter(locale__language_code="en").first()
        assert english is not None, model
        for code in LANGUAGE_CODES:
            translation = model.objects.get(
                locale__language_code=code, translation_key=english.translation_key
            )
            assert translation.live
            if code != "en":
                assert translation.title != english.title, (model, code)
            assert client.get(translation.url).status_code == 200, translation.url


@pytest.mark.django_db
def test_demo_material_in_several_languages(demo_content):
    material = MaterialPage.objects.get(locale__language_code="en")
    languages = set(material.materials.values_list("language", flat=True))
    assert len(languages) >= 4
    for row in material.materials.select_related("document"):
        assert row.document.file_size > 0
        assert row.document.file_extension in {"pdf", "txt"}


@pytest.mark.django_db
def test_demo_help_network_and_fundraising(client, demo_content):
    help_page = HelpPage.objects.get(locale__language_code="en")
    codes = set(help_page.network.values_list("country__code", flat=True))
    assert {"FI", "LT", "GE", "DE"} <= codes
    html = client.get("/en/help/").content.decode()
    assert "Connection e.V." in html
    assert demo_data.home()["help_channels"]["hotline_number"] in html
    received = demo_data.campaign()["fundraising"]["received_amount"]
    fundraising = FundraisingPage.objects.get(locale__language_code="en")
    assert fundraising.received_amount == received
    html = client.get(fundraising.url).content.decode()
    assert f'value="{received}"' in html
