"""A Redis that hangs (accepts connections, never answers) must not make every page wait.

Each cache call waits the socket timeout (0.5 s) before django-redis gives up; a page makes
about twenty, so without core/cache_breaker.py a profile took 10 s and a search 5 s. With
it, the first call that finds Redis hung waits and the process leaves Redis alone for
CACHE_BREAKER_SECONDS: the calls after it miss without asking (counted here by the
connections the hung "Redis" was asked for, not by a clock). A Redis that answers goes
through the same client in tests/test_page_cache.py."""

import time

from django.core.cache import cache
from django.test import Client

import pytest

from core import cache_breaker
from core.cache_config import cache_config
from tests.hanging_socket import HangingSocket

PAGES = ("/en/knowledge/russia/", "/ru/news/", "/uk/search/?q=мобілізація", "/en/")


@pytest.fixture
def hung_redis(settings):
    server = HangingSocket()
    settings.CACHES = {"default": cache_config(f"redis://127.0.0.1:{server.port}/0")}
    settings.PAGE_CACHE_SECONDS = 300
    settings.CONTENT_CACHE_SECONDS = 300
    settings.CACHE_BREAKER_SECONDS = 60
    yield server
    cache_breaker._breakers.clear()
    server.close()


@pytest.mark.django_db
def test_pages_do_not_wait_for_a_redis_that_hangs(demo_content, hung_redis):
    reader = Client()
    for url in PAGES:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert "<main" in response.content.decode(), url  # the whole page, from the database
    # One attempt for all four pages; without the breaker every cache call reconnected.
    assert hung_redis.accepted == 1


@pytest.mark.django_db
def test_redis_is_asked_again_once_the_breaker_time_is_over(demo_content, hung_redis, settings):
    settings.CACHE_BREAKER_SECONDS = 0.2
    reader = Client()
    reader.get("/en/")
    asked = hung_redis.accepted
    time.sleep(0.3)
    reader.get("/en/")
    assert hung_redis.accepted > asked


# --- with a Redis that answers (tests/test_page_cache.py's server) ------------------------


@pytest.fixture
def answering_redis(redis_url, settings):
    settings.CACHES = {"default": cache_config(redis_url)}
    settings.CACHE_BREAKER_SECONDS = 60
    cache.clear()
    yield cache.client.get_client()
    cache_breaker._breakers.clear()
    cache.clear()


def test_a_purge_after_a_publish_asks_redis_even_while_the_breaker_is_open(answering_redis):
    """One timeout in this worker must not keep a publish's purge from the other workers,
    which reach Redis and would go on serving the page it replaced."""
    from core import page_cache

    before = cache.get(page_cache.GENERATION_KEY) or page_cache.current_generation()
    cache_breaker.breaker_for(cache.client).trip()
    assert cache.get(page_cache.GENERATION_KEY) is None  # readers' lookups skip Redis
    assert page_cache.purge_page_cache()
    cache_breaker._breakers.clear()
    assert cache.get(page_cache.GENERATION_KEY) != before  # the new generation is in Redis


def test_a_redis_that_answers_with_an_error_does_not_open_the_breaker(answering_redis):
    """Out of memory (or read-only) refuses writes; reads still answer and must be used."""
    cache.set("kept", "value")
    answering_redis.config_set("maxmemory-policy", "noeviction")
    answering_redis.config_set("maxmemory", 1)
    try:
        cache.set("refused", "x" * 1000)  # OOM: dropped, like any write Redis refuses
        assert cache.get("kept") == "value"
    finally:
        answering_redis.config_set("maxmemory", 0)
