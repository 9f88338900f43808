"""Readers' lookups kept between requests (core/content_cache.py), with the page cache off:
pages come out exactly as without them, take a handful of queries, and every publish,
unpublish or privacy change shows at once; editors always get fresh answers."""

from datetime import date

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from knowledge.models import CountryProfilePage
from news.models import NewsIndexPage
from tests.builders.news import make_news

PROFILE = "/en/knowledge/russia/"
# Pages of every kind and language whose HTML must not change with the content cache.
PAGES = [
    "/en/",
    "/be/",
    PROFILE,
    "/ru/knowledge/russia/",
    "/uk/knowledge/",
    "/en/knowledge/compare/",
    "/de/knowledge/situation/?situation=mobilized&country=RU",
    "/en/news/",
    "/ru/news/?country=RU",
    "/en/campaign/",
    "/en/campaign/appeal-bundestag/",
    "/en/search/?q=mobilisation",
    "/ru/search/?q=ст.+337",  # rules by article number
    "/uk/search/?q=дезертирство+покарання",  # a rule result and pages
    "/de/search/?q=Kriegsdienstverweigerung&type=news.newspage",
    "/be/search/?q=мабілізацыя",
    "/en/search/?q=повестка",  # nothing in English: results in the other languages
]
# Queries a page takes once the content cache is warm: what only it shows (a profile keeps
# its rules with its route, so none).
WARM_QUERY_BUDGET = {
    "/en/": 2,
    PROFILE: 0,
    "/ru/knowledge/russia/": 0,
    "/en/news/": 1,
    "/en/news/?page=2": 1,
    "/en/campaign/appeal-bundestag/": 5,
    # A search asks for the words of the query (the vocabulary), the hits' rows and, with
    # profiles among them, the rules: what a search reads of pages is kept (search/results.py).
    "/en/search/?q=mobilisation": 3,
    "/ru/search/?q=ст.+337": 3,
    "/uk/search/?q=дезертирство+покарання": 3,
}


@pytest.fixture
def content_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTENT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def reader_get(url):
    response = Client().get(url)  # no cookies, like every reader
    assert response.status_code == 200, url
    return response.content.decode()


def count_queries(url):
    with CaptureQueriesContext(connection) as queries:
        reader_get(url)
    return len(queries)


@pytest.mark.django_db
def test_pages_are_the_same_with_and_without_the_content_cache(demo_content, settings):
    settings.CONTENT_CACHE_SECONDS = 0
    cache.clear()
    expected = {url: reader_get(url) for url in PAGES}
    settings.CONTENT_CACHE_SECONDS = 300
    for url in PAGES:
        assert reader_get(url) == expected[url], f"{url} (filling the cache)"
        assert reader_get(url) == expected[url], f"{url} (from the cache)"
    cache.clear()


@pytest.mark.django_db
def test_a_warm_page_asks_the_database_only_for_its_own_content(demo_content, content_cache):
    cold = {url: count_queries(url) for url in WARM_QUERY_BUDGET}
    warm = {url: count_queries(url) for url in WARM_QUERY_BUDGET}
    for url, budget in WARM_QUERY_BUDGET.items():
        assert warm[url] <= budget, f"{url}: {warm[url]} queries, budget {budget}"
        assert warm[url] < cold[url] / 2, f"{url}: {cold[url]} → {warm[url]}"


@pytest.mark.django_db
def test_publishing_news_shows_at_once_in_lists_filters_and_profiles(
    demo_content, content_cache, django_capture_on_commit_callbacks
):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    profile = CountryProfilePage.objects.get(locale__language_code="en", slug="russia")
    for url in (index.url, PROFILE):
        reader_get(url)
        reader_get(url)  # now from the content cache

    with django_capture_on_commit_callbacks(execute=True):
        news = make_news(
            index,
            date(2099, 1, 1),
            title="Draft office sends summonses by e-mail",
            countries=[profile.country],
        )

    assert "Draft office sends summonses by e-mail" in reader_get(index.url)
    assert "Draft office sends summonses by e-mail" in reader_get(PROFILE)  # related news
    assert ">2099<" in reader_get(index.url)  # the year filter knows the new year

    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert "Draft office sends summonses" not in reader_get(index.url)
    assert "Draft office sends summonses" not in reader_get(PROFILE)


@pytest.mark.django_db
def test_language_switcher_follows_unpublished_translations(
    demo_content, content_cache, django_capture_on_commit_callbacks
):
    belarusian = CountryProfilePage.objects.get(locale__language_code="be", slug="russia")
    assert f'href="{belarusian.url}"' in reader_get(PROFILE)
    reader_get(PROFILE)

    with django_capture_on_commit_callbacks(execute=True):
        belarusian.unpublish()
    html = reader_get(PROFILE)
    assert f'href="{belarusian.url}"' not in html  # now leads to the Belarusian home page
    assert 'href="/be/"' in html


@pytest.mark.django_db
def test_making_a_page_private_shows_at_once(
    demo_content, content_cache, django_capture_on_commit_callbacks
):
    assert "Legal basis" in reader_get(PROFILE)
    reader_get(PROFILE)
    page = Page.objects.get(url_path__endswith="/knowledge/russia/", locale__language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="for-our-team"
        )
    response = Client().get(PROFILE)
    html = response.content.decode()
    assert "Legal basis" not in html
    assert 'name="password"' in html

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Legal basis" in reader_get(PROFILE)


@pytest.mark.django_db
def test_a_published_rule_change_shows_at_once(
    demo_content, content_cache, django_capture_on_commit_callbacks
):
    reader_get(PROFILE)
    assert "Heading changed in 2099" not in reader_get(PROFILE)  # rules now kept
    page = CountryProfilePage.objects.get(locale__language_code="en", slug="russia")
    rules = list(page.rules.all())
    rules[0].heading = "Heading changed in 2099"
    page.rules = rules
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Heading changed in 2099" in reader_get(PROFILE)


@pytest.mark.django_db
def test_a_legal_review_shows_at_once(
    demo_content, content_cache, settings, django_capture_on_commit_callbacks
):
    """Approving a review writes the date with update(), which sends no signal: it purges
    the page cache and the kept page and rules itself."""
    from knowledge.review import mark_reviewed

    settings.PAGE_CACHE_SECONDS = 300
    page = CountryProfilePage.objects.get(locale__language_code="en", slug="russia")
    reader_get(PROFILE)
    assert "Nov. 9, 2099" not in reader_get(PROFILE)  # from the page cache
    with django_capture_on_commit_callbacks(execute=True):
        mark_reviewed(page, None, when=date(2099, 11, 9))
    assert "Last legally reviewed on Nov. 9, 2099." in reader_get(PROFILE)


@pytest.mark.django_db
def test_a_missing_page_is_not_remembered(
    demo_content, content_cache, django_capture_on_commit_callbacks
):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    url = index.url + "court-ruling/"
    assert Client().get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        make_news(
            index,
            date(2026, 11, 20),
            title="Court ruling on alternative service",
            slug="court-ruling",
        )
    assert "Court ruling on alternative service" in reader_get(url)


@pytest.mark.django_db
def test_editors_never_get_kept_answers(demo_content, content_cache, admin_client):
    reader_get(PROFILE)
    # A change that bypasses every signal (and so every purge):
    Page.objects.filter(url_path__endswith="/knowledge/russia/", locale__language_code="en").update(
        title="Changed behind the cache's back"
    )
    # readers keep the kept page until the next purge (which the signals would start)...
    assert "Changed behind the cache" not in reader_get(PROFILE)
    # ...editors always get what the database says.
    assert "Changed behind the cache" in admin_client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_made_up_filter_values_neither_query_the_news_nor_fill_the_cache(
    demo_content, content_cache
):
    assert 'class="news-card"' in reader_get("/en/news/")
    reader_get("/en/news/")
    keys_before = len(cache._cache)  # LocMemCache's own store: what this request adds
    with CaptureQueriesContext(connection) as queries:
        html = reader_get("/en/news/?country=ZZ-NOWHERE")
    assert "news_newspage" not in " ".join(q["sql"] for q in queries.captured_queries)
    assert len(cache._cache) == keys_before
    assert 'class="news-card"' not in html


@pytest.mark.django_db
def test_the_wagtail_internals_the_content_cache_fills_are_read(demo_content, rf):
    """The content cache hands Wagtail its answers through request attributes Wagtail does
    not document (core/content_cache.py). If an upgrade stops reading them, the cache
    silently stops saving anything: this fails instead."""
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Site

    from home.models import HelpChannels

    request = rf.get("/en/")
    other_site = Site(hostname="kept.example", root_page_id=Page.get_first_root_node().pk)
    request._wagtail_site = other_site
    assert Site.find_for_request(request) is other_site

    route = object()
    request._wagtail_route_for_request = route
    assert Page.route_for_request(request, "/en/anything/") is route

    assert issubclass(HelpChannels, BaseSiteSetting)
    kept = HelpChannels(email="kept@example.org")
    setattr(request, HelpChannels.get_cache_attr_name(), kept)
    request._wagtail_site = Site.objects.get(is_default_site=True)
    assert HelpChannels.for_request(request) is kept


@pytest.mark.django_db
def test_a_search_reads_its_cards_in_one_round_trip_to_the_cache(
    demo_content, content_cache, monkeypatch
):
    """Each card's date and texts were one cache read: ten round trips to Redis per page."""
    import core.content_cache

    real = core.content_cache.cache
    reads = []

    class Counting:
        def get(self, key, *args, **kwargs):
            reads.append(1)
            return real.get(key, *args, **kwargs)

        def get_many(self, keys, *args, **kwargs):
            reads.append(len(keys))
            return real.get_many(keys, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(real, name)

    def reads_for(url):
        reader_get(url)  # warm
        reads.clear()
        html = reader_get(url)
        return html.count('<li class="search-result'), len(reads), max(reads)

    monkeypatch.setattr(core.content_cache, "cache", Counting())
    many_cards, many_reads, widest = reads_for("/en/search/?q=desertion")
    few_cards, few_reads, _ = reads_for("/en/search/?q=Gatchina")
    found = (many_cards, many_reads, widest, few_cards, few_reads)
    assert many_cards >= 8 and few_cards <= 3, found
    assert widest >= many_cards // 2, found  # the cards' facts in one read (rules have none)
    assert many_reads == few_reads, found  # not one more read per card
