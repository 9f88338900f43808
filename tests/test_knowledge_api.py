"""Open data: country profiles with their rules as JSON through Wagtail API v2."""

import pytest

from demo import data as demo_data
from knowledge.models import LegalRule

SURRENDER = demo_data.rule("RU", article="Art. 352.1")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "uk"])
def test_api_returns_profile_rules_in_the_requested_language(client, demo_content, language):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "knowledge.CountryProfilePage",
            "fields": "rules,country_data,last_reviewed",
            "locale": language,
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 4
    russia = next(item for item in data["items"] if item["meta"]["slug"] == "russia")
    assert russia["meta"]["locale"] == language
    headings = [rule["heading"] for rule in russia["rules"]]
    expected = list(
        LegalRule.objects.filter(profile_id=russia["id"])
        .order_by("sort_order")
        .values_list("heading", flat=True)
    )
    assert headings == expected
    english = set(
        LegalRule.objects.filter(locale__language_code="en").values_list("heading", flat=True)
    )
    if language == "en":
        assert set(headings) <= english
    else:
        assert not set(headings) & english, "rules must be translated"
    article = demo_data.translation(language, SURRENDER["article"])
    rule = next(r for r in russia["rules"] if r["article"] == article)
    assert rule["prison_min_months"] == SURRENDER["prison_min_months"]
    assert rule["prison_max_months"] == SURRENDER["prison_max_months"]
    assert rule["penalty_kind"] == "criminal"
    assert rule["sources"][0]["value"]["issuer"]


@pytest.mark.django_db
def test_api_search_and_unknown_ids_do_not_redirect(client, demo_content):
    assert client.get("/api/v2/pages/999999/").status_code == 404
    response = client.get("/api/v2/pages/", {"search": "Russia", "locale": "en"})
    assert response.status_code == 200
