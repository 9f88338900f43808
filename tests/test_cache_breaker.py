"""A Redis that hangs (accepts connections, never answers) must not make every page wait.

Each cache call waits the socket timeout (0.5 s) before django-redis gives up; a page makes
about twenty, so without core/cache_breaker.py a profile took 10 s and a search 5 s. With
it, the first call that finds Redis hung waits and the process leaves Redis alone for
CACHE_BREAKER_SECONDS: the calls after it miss without asking (counted here by the
connections the hung "Redis" was asked for, not by a clock). A Redis that answers goes
through the same client in tests/test_page_cache.py."""

import time

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
