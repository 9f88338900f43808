"""Every view built from the rules tells readers of a translation that lags its English
original, and links the original: the situation guide, the comparison, the profile (with its
at-a-glance box) and the API (translation/freshness.py)."""

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import pytest

from knowledge.models import CountryProfilePage
from knowledge.models.rules import AffectedGroup, PenaltyKind, Topic
from knowledge.situations import SITUATIONS_BY_CODE

from .knowledge_helpers import profile, replace_topic_rules

NOTICE = "translation-notice"
BELARUS_SITUATION = "/ru/knowledge/situation/?country=BY&situation=reservist"


def new_english_rule_on_belarus():
    """What the issue saw: a new English rule, a penalty for men in the reserve who evade."""
    english = profile("belarus")
    return replace_topic_rules(
        english,
        Topic.EVASION,
        [
            {
                "heading": "Evading mobilisation while in the reserve",
                "applies_to": [AffectedGroup.RESERVISTS],
                "penalty_kind": PenaltyKind.CRIMINAL,
                "prison_max_months": 60,
                "article": "Art. 434",
            }
        ],
    )


def lagging_part(html):
    return html.split(NOTICE, 1)[1][:600] if NOTICE in html else ""


@pytest.mark.django_db
def test_the_situation_guide_says_when_its_rules_lag_the_english(client, demo_content):
    assert "reservist" in SITUATIONS_BY_CODE
    html = client.get(BELARUS_SITUATION).content.decode()
    assert NOTICE not in html

    new_english_rule_on_belarus()
    html = client.get(BELARUS_SITUATION).content.decode()
    assert 'href="/en/knowledge/belarus/" hreflang="en"' in lagging_part(html)
    # The English answer has the new penalty; the Russian one warns that it may lack it.
    english = client.get(BELARUS_SITUATION.replace("/ru/", "/en/")).content.decode()
    assert NOTICE not in english
    # Other countries' answers are not concerned.
    russia = client.get(BELARUS_SITUATION.replace("=BY", "=RU")).content.decode()
    assert NOTICE not in russia


@pytest.mark.django_db
def test_the_comparison_marks_the_rows_that_lag(client, demo_content):
    assert NOTICE not in client.get("/ru/knowledge/compare/").content.decode()
    new_english_rule_on_belarus()
    html = client.get("/ru/knowledge/compare/").content.decode()
    rows = html.split('<th scope="row">')[1:]
    lagging = [row.split("</th>", 1)[0] for row in rows if NOTICE in row.split("</th>", 1)[0]]
    assert len(lagging) == 1
    assert 'href="/en/knowledge/belarus/" hreflang="en"' in lagging[0]


@pytest.mark.django_db
def test_the_api_gives_each_profile_its_source_and_whether_it_lags(client, demo_content):
    def profiles():
        response = client.get(
            "/api/v2/pages/",
            {
                "type": "knowledge.CountryProfilePage",
                "locale": "ru",
                "fields": "translation_outdated,source_url",
                "limit": 50,
            },
        )
        assert response.status_code == 200
        return {item["meta"]["slug"]: item for item in response.json()["items"]}

    before = profiles()
    assert before["belarus"]["translation_outdated"] is False
    assert before["belarus"]["source_url"].endswith("/en/knowledge/belarus/")

    new_english_rule_on_belarus()
    after = profiles()
    assert after["belarus"]["translation_outdated"] is True
    assert after["russia"]["translation_outdated"] is False

    english = client.get(
        "/api/v2/pages/",
        {"type": "knowledge.CountryProfilePage", "locale": "en", "fields": "source_url"},
    ).json()["items"]
    assert {item["source_url"] for item in english} == {None}


@pytest.mark.django_db
def test_a_translation_republished_from_the_old_english_text_still_lags(
    client, demo_content, django_capture_on_commit_callbacks
):
    """The editors' definition (translation/status.py, reason 1): publishing the
    translation again without bringing in the new English text does not catch up with it."""
    english = profile("belarus")
    english.introduction += " Updated."
    english.save_revision().publish()
    english = CountryProfilePage.objects.get(pk=english.pk)
    russian = english.get_translation(Locale.objects.get(language_code="ru"))
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    translation = Translation.objects.get(source=source, target_locale=russian.locale)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # the old English text, published again
    assert CountryProfilePage.objects.get(pk=russian.pk).last_published_at > (
        english.last_published_at
    )
    html = client.get("/ru/knowledge/belarus/").content.decode()
    assert 'href="/en/knowledge/belarus/" hreflang="en"' in lagging_part(html)
    assert NOTICE in client.get(BELARUS_SITUATION).content.decode()

    # Brought up to date from the English text, it no longer lags.
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert NOTICE not in client.get("/ru/knowledge/belarus/").content.decode()
    assert NOTICE not in client.get(BELARUS_SITUATION).content.decode()
