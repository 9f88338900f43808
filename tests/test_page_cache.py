"""Readers' pages come from the cache; a publish, an unpublish or a snippet/setting change
shows at once; editors, forms with CSRF tokens and the admin are never served from it.

Each test runs with the local-memory cache and with a real Redis server (started here when
`redis-server` is installed; CI installs it)."""

import logging
import socket
from http.server import BaseHTTPRequestHandler, HTTPServer
from threading import Thread

from django.core.cache import cache
from django.test import Client
from django.utils.html import escape

from wagtail.models import Page

import pytest

from campaign.models import AppealPage, Signatory
from core.cache_config import cache_config
from home.models import HelpChannels
from knowledge.models import Country
from news.models import NewsPage

PROFILE = "/en/knowledge/russia/"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(params=["local memory", "redis"])
def page_cache(request, settings):
    if request.param == "redis":
        # The site's own Redis configuration (django-redis).
        settings.CACHES = {"default": cache_config(request.getfixturevalue("redis_url"))}
    settings.PAGE_CACHE_SECONDS = 300
    settings.CONTENT_CACHE_SECONDS = 300  # purged by the same signals (core/content_cache.py)
    cache.clear()
    yield cache
    cache.clear()


def reader():
    return Client()  # no cookies, like every reader


@pytest.mark.django_db
def test_a_deploy_does_not_serve_pages_cached_by_the_previous_release(
    settings, demo_content, redis_url
):
    """Pages (and pickled pages, sites, settings) cached by the old code must not be served
    by the new: every key carries the release id (core/cache_config.py)."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {"default": cache_config(redis_url, "release-1")}
    cache.clear()
    assert reader().get(PROFILE)["X-Page-Cache"] == "miss"
    assert reader().get(PROFILE)["X-Page-Cache"] == "hit"
    settings.CACHES = {"default": cache_config(redis_url, "release-2")}  # the next deploy
    assert reader().get(PROFILE)["X-Page-Cache"] == "miss"
    settings.CACHES = {"default": cache_config(redis_url, "release-1")}
    assert reader().get(PROFILE)["X-Page-Cache"] == "hit"  # the same Redis, other keys
    cache.clear()


def assert_from_cache(url, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = reader().get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    return response


@pytest.mark.django_db
def test_second_visit_is_served_from_the_cache_without_queries(
    page_cache, demo_content, django_assert_num_queries
):
    first = reader().get(PROFILE)
    assert first["X-Page-Cache"] == "miss"
    second = assert_from_cache(PROFILE, django_assert_num_queries)
    assert second.content == first.content
    # the cached copy carries the reader headers too, and still no cookie
    assert "default-src 'none'" in second["Content-Security-Policy"]
    assert not second.cookies


@pytest.mark.django_db
def test_publishing_a_page_shows_at_once_on_every_page_that_lists_it(
    page_cache, demo_content, django_capture_on_commit_callbacks, django_assert_num_queries
):
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    index_url = news.get_parent().url
    assert escape(news.title) in reader().get(index_url).content.decode()
    assert_from_cache(index_url, django_assert_num_queries)

    news.title = "Court upholds a conscientious objector's appeal"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    html = reader().get(index_url).content.decode()
    assert "Court upholds a conscientious objector" in html

    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert "Court upholds a conscientious objector" not in reader().get(index_url).content.decode()


@pytest.mark.django_db
def test_publishing_a_translation_purges_it(
    page_cache, demo_content, django_capture_on_commit_callbacks
):
    url = "/de/knowledge/russia/"
    reader().get(url)
    page = Page.objects.get(url_path__endswith="/knowledge/russia/", locale__language_code="de")
    page = page.specific
    page.title = "Russland (neu geprüft)"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Russland (neu geprüft)" in reader().get(url).content.decode()


@pytest.mark.django_db
def test_snippet_and_setting_changes_show_at_once(
    page_cache, demo_content, django_capture_on_commit_callbacks
):
    compare = "/en/knowledge/compare/"
    assert "Belarus" in reader().get(compare).content.decode()
    country = Country.objects.get(code="BY", locale__language_code="en")
    country.name = "Republic of Belarus"
    with django_capture_on_commit_callbacks(execute=True):
        country.save()
    assert "Republic of Belarus" in reader().get(compare).content.decode()

    reader().get(PROFILE)
    channels = HelpChannels.objects.get()
    channels.hotline_number = "+49 30 0000 1111"
    with django_capture_on_commit_callbacks(execute=True):
        channels.save()
    assert "+49 30 0000 1111" in reader().get(PROFILE).content.decode()


@pytest.mark.django_db
def test_approving_a_signature_shows_it_but_a_new_pending_one_does_not_purge(
    page_cache, demo_content, django_capture_on_commit_callbacks, django_assert_num_queries
):
    appeal = AppealPage.objects.get(locale__language_code="en", slug="appeal-bundestag")
    reader().get(appeal.url)
    with django_capture_on_commit_callbacks(execute=True):
        signature = Signatory.objects.create(appeal=appeal, name="Peace Library Kassel")
    assert_from_cache(appeal.url, django_assert_num_queries)  # pending: nothing to show

    signature.status = Signatory.Status.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        signature.save()
    assert "Peace Library Kassel" in reader().get(appeal.url).content.decode()


@pytest.mark.django_db
def test_editors_always_see_fresh_pages(page_cache, demo_content, admin_client):
    reader().get(PROFILE)
    # A change that bypasses every signal: readers keep the cached page for its lifetime...
    Page.objects.filter(url_path__endswith="/knowledge/russia/", locale__language_code="en").update(
        title="Changed behind the cache's back"
    )
    assert "Changed behind the cache" not in reader().get(PROFILE).content.decode()
    # ...but a logged-in editor is never served from the cache, nor cached by a proxy.
    response = admin_client.get(PROFILE)
    assert "Changed behind the cache" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_signature_form_is_never_cached_and_its_token_works(page_cache, demo_content):
    appeal = AppealPage.objects.get(locale__language_code="en", slug="appeal-bundestag")
    sign_url = appeal.url + "sign/"
    tokens = set()
    for _ in range(2):
        response = reader().get(sign_url)
        assert "X-Page-Cache" not in response
        tokens.add(response.cookies["csrftoken"].value)
    assert len(tokens) == 2  # each reader gets their own token, none shared through a cache

    signer = Client(enforce_csrf_checks=True)
    form = signer.get(sign_url).content.decode()
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = signer.post(
        sign_url,
        {
            "csrfmiddlewaretoken": token,
            "name": "Friedenszentrum Cache Test",
            "country": "DE",
            "website": "",
            "contact_email": "office@cache-test.example.org",
            "consent": "on",
            "reference": "",
        },
    )
    assert response.status_code == 302
    assert Signatory.objects.filter(name="Friedenszentrum Cache Test").exists()
    # The CSRF cookie the signer keeps does not shut them out of the cache.
    assert "csrftoken" in signer.cookies
    signer.get(PROFILE)
    assert signer.get(PROFILE)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_admin_search_and_health_check_are_not_cached(page_cache, demo_content):
    for url in ("/admin/login/", "/en/search/?q=russia", "/healthz"):
        for _ in range(2):
            response = reader().get(url)
            assert "X-Page-Cache" not in response, url


@pytest.mark.django_db
def test_conditional_get_answers_304(page_cache, demo_content):
    first = reader().get(PROFILE)
    etag = first["ETag"]
    again = reader().get(PROFILE, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert first["Cache-Control"] == "max-age=0"  # browsers revalidate, so a purge reaches them


@pytest.mark.django_db
def test_page_cache_off_with_zero_seconds(settings, demo_content):
    settings.PAGE_CACHE_SECONDS = 0
    reader().get(PROFILE)
    assert "X-Page-Cache" not in reader().get(PROFILE)


# --- a frontend cache (CDN, reverse proxy) --------------------------------------------


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def frontend_proxy(settings):
    """A proxy that notes the purges Wagtail's frontend cache sends it: [(host, path)]."""
    PurgeRecorder.purged.clear()
    proxy = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    Thread(target=proxy.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{proxy.server_port}",
        }
    }
    yield PurgeRecorder.purged
    proxy.shutdown()
    proxy.server_close()


@pytest.mark.django_db
def test_frontend_cache_is_purged_on_publish_and_may_keep_pages(
    page_cache, demo_content, frontend_proxy
):
    response = reader().get(PROFILE)
    assert "s-maxage=300" in response["Cache-Control"]
    page = Page.objects.get(
        url_path__endswith="/knowledge/russia/", locale__language_code="en"
    ).specific
    page.save_revision().publish()
    assert any(path == PROFILE for _host, path in frontend_proxy)


@pytest.mark.django_db
def test_a_privacy_change_purges_the_page_at_the_frontend_cache(
    page_cache, demo_content, frontend_proxy, django_capture_on_commit_callbacks
):
    """A proxy or CDN keeps readers' pages for s-maxage. Wagtail purges a page there when it
    is published or unpublished, not when it is put behind a password or a login: its public
    copy stayed at the proxy for that long."""
    from wagtail.models import PageViewRestriction

    assert "s-maxage=300" in reader().get(PROFILE)["Cache-Control"]
    page = Page.objects.get(url_path__endswith="/knowledge/russia/", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert any(path == PROFILE for _host, path in frontend_proxy)


@pytest.mark.django_db
def test_pages_are_served_while_the_cache_is_down(
    settings, demo_content, django_capture_on_commit_callbacks, caplog
):

    # Redis configured (with the site's settings) but nothing listens on its port.
    settings.CACHES = {"default": cache_config(f"redis://127.0.0.1:{free_port()}/0")}
    for once_a_minute in logging.getLogger("core.cache").filters:
        once_a_minute.last = None  # said at most once a minute: make this test see it
    settings.PAGE_CACHE_SECONDS = 300
    settings.CONTENT_CACHE_SECONDS = 300
    for url in (PROFILE, "/ru/news/", "/uk/search/?q=мобілізація"):
        response = reader().get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response  # rendered, neither read nor stored
    said = [r for r in caplog.records if r.name == "core.cache"]
    assert len(said) == 1, said  # once, not once per lookup
    assert "Connection refused" in said[0].exc_text or "Error" in said[0].exc_text

    # Publishing still works (the purge that cannot reach the cache is logged, not raised).
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    news.title = "Published while the cache was down"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    assert "could not purge" in caplog.text
    assert "Published while the cache was down" in reader().get(news.url).content.decode()


# --- what the cache must not tell a watcher -----------------------------------------


def stored_keys(page_cache):
    """Every key in the cache, local memory or Redis."""
    if hasattr(page_cache, "client"):  # django-redis
        return [key.decode() for key in page_cache.client.get_client().keys("*")]
    return [str(key) for key in page_cache._cache]


def page_entries(page_cache):
    return sorted(key for key in stored_keys(page_cache) if ".pagecache." in key)


@pytest.mark.django_db
def test_production_does_not_say_whether_a_page_came_from_the_cache(
    page_cache, demo_content, settings
):
    settings.PAGE_CACHE_HEADER = False
    for _ in range(2):
        response = reader().get(PROFILE)
        assert response.status_code == 200
        assert not any(name.lower().startswith("x-page-cache") for name in response.headers)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/ru/knowledge/situation/?country=BY&situation=deserted",
        "/en/news/?country=BY",
        "/en/knowledge/russia/?utm_source=x",
    ],
)
def test_answers_with_a_query_string_are_never_cached(page_cache, demo_content, url):
    """A quick answer to the same URL would tell a watcher that someone asked it lately:
    neither this cache nor a proxy in front (Varnish keeps an answer without Cache-Control
    for two minutes) may keep it."""
    before = page_entries(page_cache)
    for _ in range(2):
        response = reader().get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response  # rendered, neither read nor stored
        assert "private" in response.get("Cache-Control", "")
    assert page_entries(page_cache) == before
    # The same page without the query string is cached as usual.
    reader().get(url.split("?")[0])
    assert len(page_entries(page_cache)) > len(before)


@pytest.mark.django_db
def test_made_up_parameters_do_not_fill_the_cache(page_cache, demo_content):
    reader().get(PROFILE)
    before = len(stored_keys(page_cache))
    for n in range(50):
        assert reader().get(f"{PROFILE}?utm_campaign={n}").status_code == 200
    assert len(stored_keys(page_cache)) == before
    assert reader().get(PROFILE)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_list_pages_are_still_cached(page_cache, demo_content, django_assert_num_queries):
    assert reader().get("/en/news/?page=2")["X-Page-Cache"] == "miss"
    assert_from_cache("/en/news/?page=2", django_assert_num_queries)


@pytest.mark.django_db
def test_a_page_made_private_while_redis_was_away_is_not_served_when_it_is_back(
    redis_url, settings, demo_content, django_capture_on_commit_callbacks, monkeypatch
):
    """A privacy change whose purge could not reach Redis (a network blip at that moment):
    once Redis answers again, neither the page's public copy nor its cached privacy settings
    (the content cache) may be served; the page asks for the password."""
    from wagtail.models import PageViewRestriction

    from core import page_cache as page_cache_module

    monkeypatch.setattr(page_cache_module, "_purge_pending", False, raising=False)
    working = {"default": cache_config(redis_url)}
    settings.CACHES = working
    settings.PAGE_CACHE_SECONDS = 300
    settings.CONTENT_CACHE_SECONDS = 300
    cache.clear()
    reader().get(PROFILE)
    assert reader().get(PROFILE)["X-Page-Cache"] == "hit"

    settings.CACHES = {"default": cache_config(f"redis://127.0.0.1:{free_port()}/0")}
    profile = Page.objects.get(locale__language_code="en", url_path__endswith="/knowledge/russia/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=profile, restriction_type=PageViewRestriction.PASSWORD, password="pw"
        )

    settings.CACHES = working
    try:
        for url in (PROFILE, PROFILE + "?utm_source=x"):
            assert 'name="password"' in reader().get(url).content.decode(), url
    finally:
        cache.clear()
