"""Change alerts without e-mail (#19): an Atom feed of rule changes for every country and
one per country, in the reader's language, linking each change to its rule."""

import xml.etree.ElementTree as ET

from django.test import Client

import pytest

from demo import data as demo_data
from knowledge.models import CountryProfilePage, LegalRule

from .knowledge_helpers import TEST_SOURCE, edit_rule_and_publish, profile

ATOM = "{http://www.w3.org/2005/Atom}"
PRISON_TERM = demo_data.rule("RU", penalty_kind="criminal", prison_max_months=bool)


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not response.cookies
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return feed, [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.mark.django_db
def test_a_published_change_reaches_the_readers_feed_in_their_language(demo_content):
    edit_rule_and_publish(
        profile("russia"),
        PRISON_TERM["heading"],
        prison_max_months=PRISON_TERM["prison_max_months"] + 12,
    )
    rule = LegalRule.objects.get(
        profile__locale__language_code="ru",
        profile__country__code="RU",
        translation_key=LegalRule.objects.get(
            profile__locale__language_code="en", heading=PRISON_TERM["heading"]
        ).translation_key,
    )
    feed, items = entries(Client().get("/ru/knowledge/changes/atom/"))
    assert feed.findtext(f"{ATOM}title").startswith("Что изменилось")
    newest = items[0]
    assert newest["title"] == f"Россия: {rule.heading} — изменено: наказание"
    assert newest["link"].endswith(f"/ru/knowledge/russia/#rule-{rule.translation_key}")
    assert newest["summary"] == rule.summary


@pytest.mark.django_db
def test_a_countrys_feed_has_only_that_country(demo_content):
    edit_rule_and_publish(
        profile("russia"),
        PRISON_TERM["heading"],
        prison_max_months=PRISON_TERM["prison_max_months"] + 6,
    )
    _feed, everything = entries(Client().get("/en/knowledge/changes/atom/"))
    assert any(item["title"].startswith("Russia: ") for item in everything)
    belarus = CountryProfilePage.objects.get(locale__language_code="en", country__code="BY")
    _feed, items = entries(Client().get(f"/en/knowledge/changes/{belarus.country.code}/atom/"))
    assert all(item["title"].startswith(f"{belarus.country.name}: ") for item in items)
    _feed, items = entries(Client().get("/en/knowledge/changes/RU/atom/"))
    assert items and all(item["title"].startswith("Russia: ") for item in items)


@pytest.mark.django_db
def test_an_unknown_country_is_a_404_not_an_empty_feed(demo_content):
    assert Client().get("/de/knowledge/changes/XX/atom/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "uk"])
def test_the_feeds_are_offered_where_readers_look(demo_content, lang):
    index = Client().get(f"/{lang}/knowledge/").content.decode()
    assert 'type="application/atom+xml" title="' in index
    assert f'href="/{lang}/knowledge/changes/atom/"' in index
    russia = Client().get(f"/{lang}/knowledge/russia/").content.decode()
    assert russia.count(f'href="/{lang}/knowledge/changes/RU/atom/"') == 2  # <link> and the log


@pytest.mark.django_db
def test_a_profile_behind_a_password_stays_out_of_the_feeds_and_the_comparison(demo_content):
    from wagtail.models import PageViewRestriction

    ukraine = CountryProfilePage.objects.get(locale__language_code="en", country__code="UA")
    rule = ukraine.ordered_rules[0]
    edit_rule_and_publish(ukraine, rule.heading, summary="Marker of a private draft profile.")
    PageViewRestriction.objects.create(
        page=ukraine, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for url in ("/en/knowledge/changes/atom/", "/en/knowledge/compare/"):
        response = Client().get(url)
        assert b"Marker of a private draft profile." not in response.content, url
    assert Client().get("/en/knowledge/changes/UA/atom/").status_code == 404


@pytest.mark.django_db
def test_a_change_not_yet_in_the_translation_says_so(demo_content):
    russia = CountryProfilePage.objects.get(pk=profile("russia").pk)
    rules = list(russia.rules.all())
    rules.append(
        LegalRule(
            topic="conscription",
            heading="A rule only the English profile has",
            summary="English only.",
            sources=[("source", TEST_SOURCE)],
        )
    )
    russia.rules = rules
    russia.save_revision().publish()
    _feed, items = entries(Client().get("/ru/knowledge/changes/RU/atom/"))
    newest = items[0]
    assert newest["title"].startswith("Россия: A rule only the English profile has")
    assert "перевод" in newest["summary"].lower() and "больше нет" not in newest["summary"]
