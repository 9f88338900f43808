"""News: pager, filters, feeds, locales, links to country profiles, query counts."""

from datetime import date

from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

import feedparser
import pytest

from core.templatetags.pager_tags import pager_links
from news.models import NewsTopic
from news.queries import latest_news_for_country
from tests.builders.news import (
    make_country,
    make_many_news,
    make_news,
    make_news_index,
    make_site,
    translate_page,
)


@pytest.fixture
def site(db):
    return make_site(("en", "ru", "uk"))


@pytest.fixture
def countries(db):
    return {
        "RU": make_country("RU", "Russia", {"ru": "Россия", "uk": "Росія"}),
        "UA": make_country("UA", "Ukraine", {"ru": "Украина", "uk": "Україна"}),
        # Only in these tests, so their results are exactly what the tests create.
        "XT": make_country("XT", "Testland", {"ru": "Тестландия"}),
    }


@pytest.fixture
def index(site):
    return make_news_index(site["en"])


def titles(html):
    """Titles of the news cards, in page order."""
    return [
        part.split(">", 2)[2].split("<", 1)[0]
        for part in html.split('<article class="news-card">')[1:]
    ]


# --- the pager ---------------------------------------------------------------------


@pytest.fixture
def thirty_five(index):
    return make_many_news(index, 35)  # Item 001 (oldest) … Item 035 (newest): 4 pages


@pytest.mark.django_db
def test_first_page_has_the_ten_newest_and_links_forward(client, thirty_five):
    response = client.get("/en/test-news/")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == [f"Item {n:03d}" for n in range(35, 25, -1)]
    assert 'rel="prev"' not in html
    assert '<a href="?page=2" rel="next">' in html
    for number in (2, 3, 4):
        assert f'href="?page={number}"' in html
    assert '<span aria-current="page" class="pager__current">' in html


@pytest.mark.django_db
def test_middle_page_links_both_ways(client, thirty_five):
    html = client.get("/en/test-news/?page=2").content.decode()
    assert titles(html) == [f"Item {n:03d}" for n in range(25, 15, -1)]
    assert '<a href="?" rel="prev">' in html  # page 1 has no page parameter
    assert '<a href="?page=3" rel="next">' in html
    assert html.count('aria-current="page"') == 1


@pytest.mark.django_db
def test_last_page_has_the_oldest_and_no_next_link(client, thirty_five):
    html = client.get("/en/test-news/?page=4").content.decode()
    assert titles(html) == [f"Item {n:03d}" for n in range(5, 0, -1)]
    assert 'rel="next"' not in html
    assert '<a href="?page=3" rel="prev">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "status", "newest"),
    [
        ("-1", 200, 35),  # below the first page: the first page
        ("0", 200, 35),
        ("99999", 200, 5),  # beyond the last page: the last page
        ("", 200, 35),
        ("abc", 404, None),  # not a number: no nearest page, a clear 404
        ("2.5", 404, None),
        ("1e3", 404, None),
    ],
)
def test_invalid_page_numbers(client, thirty_five, raw, status, newest):
    response = client.get(f"/en/test-news/?page={raw}")
    assert response.status_code == status
    if newest is not None:
        assert titles(response.content.decode())[0] == f"Item {newest:03d}"


@pytest.mark.django_db
def test_empty_index_renders_without_pager(client, index):
    html = client.get("/en/test-news/?page=3").content.decode()
    assert "No news match these filters." in html
    assert 'class="pager"' not in html


def test_pager_elides_far_pages():
    paginator = Paginator(range(400), 10)  # 40 pages
    pager = pager_links(paginator.page(10), "country=RU")
    shown = [entry.get("number", "…") for entry in pager["entries"]]
    assert shown == [1, "…", 7, 8, 9, 10, 11, 12, 13, "…", 40]
    assert pager["entries"][0]["url"] == "?country=RU"
    assert pager["entries"][-1]["url"] == "?country=RU&page=40"
    assert pager["previous_url"] == "?country=RU&page=9"
    assert pager["next_url"] == "?country=RU&page=11"
    assert [e["number"] for e in pager["entries"] if e.get("current")] == [10]


def test_pager_at_the_ends():
    paginator = Paginator(range(400), 10)
    first = pager_links(paginator.page(1))
    assert first["previous_url"] is None
    assert [e.get("number", "…") for e in first["entries"]] == [1, 2, 3, 4, "…", 40]
    last = pager_links(paginator.page(40))
    assert last["next_url"] is None
    assert [e.get("number", "…") for e in last["entries"]] == [1, "…", 37, 38, 39, 40]


# --- filters -----------------------------------------------------------------------


@pytest.fixture
def mixed_news(index, countries):
    ru, ua = countries["RU"], countries["UA"]
    make_news(index, date(2023, 5, 1), "Russia law 2023", [ru], NewsTopic.LAW)
    make_news(index, date(2024, 2, 1), "Russia asylum 2024", [ru], NewsTopic.ASYLUM)
    make_news(index, date(2024, 3, 1), "Ukraine law 2024", [ua], NewsTopic.LAW)
    make_news(index, date(2024, 4, 1), "Both asylum 2024", [ru, ua], NewsTopic.ASYLUM)
    make_news(index, date(2022, 1, 1), "No country 2022", [], NewsTopic.CAMPAIGN)
    return index


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=RU", ["Both asylum 2024", "Russia asylum 2024", "Russia law 2023"]),
        ("country=ru", ["Both asylum 2024", "Russia asylum 2024", "Russia law 2023"]),
        ("country=UA", ["Both asylum 2024", "Ukraine law 2024"]),
        ("topic=law", ["Ukraine law 2024", "Russia law 2023"]),
        ("year=2024", ["Both asylum 2024", "Ukraine law 2024", "Russia asylum 2024"]),
        ("country=RU&topic=asylum&year=2024", ["Both asylum 2024", "Russia asylum 2024"]),
        ("country=XX", []),
        ("topic=nonsense", None),  # unknown values are ignored, not an error
        ("year=20x4", None),
        ("year=0000", None),  # no year 0: ignored, not a server error
        ("country=" + "x" * 300, None),
        # not shaped like a code: ignored (the feed links cannot carry it)
        ("country=%27%22%3C", None),  # (a NUL character is a 400: tests/test_hostile_input.py)
        ("country=R%C3%9C%20", None),
    ],
)
def test_filters_return_only_matching_items(client, mixed_news, query, expected):
    response = client.get(f"/en/test-news/?{query}")
    assert response.status_code == 200
    found = titles(response.content.decode())
    if expected is None:
        assert len(found) == 5
    else:
        assert found == expected


@pytest.mark.django_db
def test_filter_links_and_country_names(client, mixed_news):
    html = client.get("/en/test-news/?topic=law").content.decode()
    assert '<a href="?topic=law&amp;country=RU">Russia</a>' in html
    assert '<a href="?topic=law&amp;year=2024">2024</a>' in html
    assert '<strong aria-current="true">Law and courts</strong>' in html


@pytest.mark.django_db
def test_pager_keeps_the_filters(client, index, countries):
    make_many_news(index, 12, countries=[countries["RU"]])
    make_many_news(index, 3, start=date(2021, 1, 1))
    html = client.get("/en/test-news/?country=RU").content.decode()
    assert '<a href="?country=RU&amp;page=2" rel="next">' in html
    html = client.get("/en/test-news/?country=RU&page=2").content.decode()
    assert len(titles(html)) == 2
    assert '<a href="?country=RU" rel="prev">' in html


# --- languages ---------------------------------------------------------------------


@pytest.fixture
def translated_news(site, index, countries):
    """Three English items, two of them translated into Russian, one into Ukrainian."""
    ru_index = translate_page(index, "ru")
    uk_index = translate_page(index, "uk")
    first = make_news(index, date(2030, 1, 1), "First", [countries["RU"]], NewsTopic.LAW)
    second = make_news(index, date(2030, 2, 1), "Second", [countries["RU"]], NewsTopic.ASYLUM)
    third = make_news(index, date(2030, 3, 1), "Third", [countries["UA"]], NewsTopic.LAW)
    ru_first = translate_page(first, "ru")
    ru_first.title = "Первая"
    ru_first.save_revision().publish()
    ru_third = translate_page(third, "ru")
    ru_third.title = "Третья"
    ru_third.save_revision().publish()
    uk_second = translate_page(second, "uk")
    uk_second.title = "Друга"
    uk_second.save_revision().publish()
    return {
        "indexes": {"en": index, "ru": ru_index, "uk": uk_index},
        "en": [first, second, third],
        "ru": [ru_first, ru_third],
        "uk": [uk_second],
    }


@pytest.mark.django_db
def test_each_language_lists_its_own_news(client, translated_news):
    assert titles(client.get("/en/test-news/").content.decode()) == ["Third", "Second", "First"]
    assert titles(client.get("/ru/test-news/").content.decode()) == ["Третья", "Первая"]
    assert titles(client.get("/uk/test-news/").content.decode()) == ["Друга"]
    assert titles(client.get("/ru/test-news/?country=RU").content.decode()) == ["Первая"]


@pytest.mark.django_db
def test_translations_keep_the_english_countries(translated_news, countries):
    for page in translated_news["ru"] + translated_news["uk"]:
        assert {c.locale.language_code for c in page.countries.all()} == {"en"}
    assert list(translated_news["ru"][0].countries.all()) == [countries["RU"]]


@pytest.mark.django_db
def test_country_filter_names_are_in_the_readers_language(client, translated_news):
    html = client.get("/ru/test-news/").content.decode()
    assert ">Россия</a>" in html and ">Украина</a>" in html


# --- feeds -------------------------------------------------------------------------


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.django_db
def test_rss_feed_is_valid_rss_2_of_the_languages_news(client, translated_news):
    response = client.get("/ru/test-news/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = parse(response)
    assert feed.version == "rss20"
    assert feed.feed.language == "ru"
    assert [e.title for e in feed.entries] == ["Третья", "Первая"]
    assert feed.entries[0].link == "http://testserver/ru/test-news/third-2030-03-01/"
    assert feed.entries[0].published_parsed[:3] == (2030, 3, 1)


@pytest.mark.django_db
def test_atom_feed_is_valid_atom(client, translated_news):
    feed = parse(client.get("/en/test-news/atom/"))
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["Third", "Second", "First"]
    assert all(e.link.startswith("http://testserver/en/test-news/") for e in feed.entries)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_country_feeds_have_only_that_countrys_news(client, translated_news, kind):
    assert [e.title for e in parse(client.get(f"/en/test-news/{kind}/RU/")).entries] == [
        "Second",
        "First",
    ]
    assert [e.title for e in parse(client.get(f"/ru/test-news/{kind}/ru/")).entries] == ["Первая"]
    assert [e.title for e in parse(client.get(f"/uk/test-news/{kind}/UA/")).entries] == []  # noqa: SIM300
    assert client.get(f"/en/test-news/{kind}/XX/").status_code == 404


@pytest.mark.django_db
def test_index_advertises_its_feeds(client, translated_news):
    html = client.get("/en/test-news/?country=RU").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/en/test-news/rss/"' in html
    assert 'href="/en/test-news/atom/RU/"' in html


# --- country profiles ------------------------------------------------------------


@pytest.mark.django_db
def test_latest_news_for_country_in_each_language(translated_news, countries):
    # The test items are dated 2030: newer than the demo news about Russia.
    ru_country = countries["RU"]
    en = latest_news_for_country(ru_country.pk, translated_news["indexes"]["en"].locale_id)
    assert [p.title for p in en][:2] == ["Second", "First"]
    assert "Third" not in {p.title for p in en}
    ru = latest_news_for_country(ru_country.pk, translated_news["indexes"]["ru"].locale_id)
    assert ru[0].title == "Первая"
    assert all(p.locale.language_code == "ru" for p in ru)
    uk = latest_news_for_country(ru_country.pk, translated_news["indexes"]["uk"].locale_id)
    assert uk[0].title == "Друга"
    # A translated Country row stands for the same country.
    russian_row = ru_country.get_translation(translated_news["indexes"]["ru"].locale)
    assert latest_news_for_country(russian_row.pk, russian_row.locale_id) == ru


@pytest.mark.django_db
def test_latest_news_for_country_is_one_query_and_limited(
    index, countries, django_assert_num_queries
):
    make_many_news(index, 8, countries=[countries["XT"]])
    with django_assert_num_queries(1):
        news = latest_news_for_country(countries["XT"].pk, index.locale_id, limit=5)
    assert [p.title for p in news] == [f"Item {n:03d}" for n in range(8, 3, -1)]


@pytest.mark.django_db
def test_unpublished_news_is_not_related(index, countries):
    page = make_news(index, date(2024, 1, 1), "Draft", [countries["XT"]])
    page.unpublish()
    assert latest_news_for_country(countries["XT"].pk, index.locale_id) == []


@pytest.fixture
def profiles(site, countries):
    from knowledge.models import CountryProfilePage, KnowledgeIndexPage

    existing = {
        p.locale.language_code: p
        for p in CountryProfilePage.objects.filter(country=countries["RU"]).select_related("locale")
    }
    if "en" in existing:
        return existing
    knowledge = KnowledgeIndexPage(title="Knowledge", slug="knowledge", introduction="Intro")
    site["en"].add_child(instance=knowledge)
    knowledge.save_revision().publish()
    profile = CountryProfilePage(
        title="Russia", slug="russia", country=countries["RU"], introduction="Intro"
    )
    knowledge.add_child(instance=profile)
    profile.save_revision().publish()
    result = {"en": profile}
    for code in ("ru", "uk"):
        translate_page(knowledge, code)
        result[code] = translate_page(profile, code)
    return result


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "title"), [("en", "Second"), ("ru", "Первая"), ("uk", "Друга")])
def test_news_about_russia_appears_on_the_russia_profile(
    client, translated_news, profiles, code, title
):
    response = client.get(f"/{code}/knowledge/russia/")
    if response.status_code != 200:
        pytest.skip("country profile pages do not render yet")
    html = response.content.decode()
    assert 'class="related-news"' in html
    assert f">{title}</a>" in html
    assert "Third" not in html and "Третья" not in html  # about Ukraine


@pytest.mark.django_db
def test_news_page_links_to_profiles_in_the_readers_language(
    client, translated_news, profiles, countries
):
    html = client.get("/ru/test-news/first-2030-01-01/").content.decode()
    assert '<a href="/ru/knowledge/russia/">Россия</a>' in html
    index = translated_news["indexes"]["en"]
    make_news(index, date(2030, 4, 1), "Elsewhere", [countries["XT"]])
    html = client.get("/en/test-news/elsewhere-2030-04-01/").content.decode()
    assert "<li>Testland</li>" in html  # no profile: a name, not a link


# --- bounded queries ---------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_the_number_of_items(
    client, index, countries, django_assert_max_num_queries
):
    make_many_news(index, 3, countries=[countries["RU"], countries["UA"]])
    client.get("/en/test-news/")  # warm caches (site root paths, content types)
    small = count_queries(client, "/en/test-news/?country=RU")
    make_many_news(index, 25, start=date(2021, 1, 1), countries=[countries["RU"]])
    large = count_queries(client, "/en/test-news/?country=RU")
    assert large == small
    with django_assert_max_num_queries(25):
        client.get("/en/test-news/?country=RU&page=2")


@pytest.mark.django_db
def test_topic_filter_reads_one_row_per_topic_not_per_item(client, index):
    make_many_news(index, 15)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/test-news/").status_code == 200
    selects = [q["sql"].split(" FROM ")[0] for q in queries.captured_queries]
    topic_selects = [s for s in selects if "DISTINCT" in s and '"news_newspage"."topic"' in s]
    assert topic_selects
    assert all('"news_newspage"."date"' not in select for select in topic_selects)


@pytest.mark.django_db
def test_feed_queries_do_not_grow_with_the_number_of_items(client, index, countries):
    make_many_news(index, 3, countries=[countries["RU"]])
    small = count_queries(client, "/en/test-news/rss/")
    make_many_news(index, 25, start=date(2021, 1, 1), countries=[countries["RU"]])
    assert count_queries(client, "/en/test-news/rss/") == small


@pytest.mark.django_db
def test_readers_get_no_cookies_on_news(client, translated_news):
    for url in ["/en/test-news/", "/ru/test-news/rss/", "/en/test-news/first-2030-01-01/"]:
        assert not client.get(url).cookies, url


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_page_number_that_is_not_one_is_a_404_in_the_same_language(
    client, demo_content, language
):
    """An error inside a page that exists is not a missing translation: no redirect to
    another language, and the 404 page says why."""
    from django.utils import translation

    response = client.get(f"/{language}/news/?page=abc")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("There is no such page of news.") in html
