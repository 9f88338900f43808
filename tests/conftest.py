import io
import shutil
import socket
import subprocess
import time

from django.conf import settings
from django.core.management import call_command

import pytest

LANGUAGE_CODES = ["en", "de", "ru", "uk", "be"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once into the test database. Each test runs in a
    transaction that is rolled back, so every test starts from the same tree.
    (Tests that need `transactional_db` would flush it: avoid them or reload.)"""
    with django_db_blocker.unblock():
        if _uses_search_node():
            # Create the indexes with Wagtail's mappings before anything is indexed.
            call_command("update_index", backend_name="default", stdout=io.StringIO())
        call_command("load_demo_content", stdout=io.StringIO())
        if _uses_search_node():
            # Publishing routed each page to its language's index already; a rebuild
            # makes the run independent of that (and tests the command).
            call_command("rebuild_search_indexes", stdout=io.StringIO())
    yield
    if _uses_search_node():
        _delete_test_indexes()
    _delete_test_media()


def _delete_test_media():
    import shutil
    import tempfile
    from pathlib import Path

    media = Path(settings.MEDIA_ROOT)
    if media.name.startswith("objectwar-test-media-") and media.parent == Path(
        tempfile.gettempdir()
    ):
        shutil.rmtree(media, ignore_errors=True)


def _uses_search_node():
    return bool(getattr(settings, "TEST_INDEX_PREFIX", ""))


def _delete_test_indexes():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    client = getattr(backend, "index_es", backend.es)  # the client with the longer timeout
    client.indices.delete(index=f"{settings.TEST_INDEX_PREFIX}*", ignore_unavailable=True)


@pytest.fixture(autouse=True)
def _default_language():
    """Wagtail's admin activates the user's preferred language for the rest of the thread
    (translation.activate in its views): a later test must not run in a German or Russian
    left behind by an earlier one."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_counts_left_over():
    """The limits' counts in the worker's memory (core/counters.py) outlive the cache that
    tests clear: a later test must not start with an earlier one's wrong passwords."""
    from core import counters

    counters.reset()
    yield
    counters.reset()


@pytest.fixture(autouse=True)
def _search_node_breaker_closed():
    """A test that makes the search node fail opens its breaker (search/node.py): later
    tests must not inherit it."""
    from search import node

    node.reset()
    yield
    node.reset()


@pytest.fixture
def demo_content(db):
    """The demo tree in five languages (loaded once per session, see django_db_setup)."""


@pytest.fixture
def home_pages(demo_content):
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture(scope="session")
def redis_url():
    """A private redis-server for the tests that need a real Redis (skipped without one)."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_unreachable(settings):
    """The cache is a Redis that nothing listens for: every read misses, nothing is kept
    (django-redis ignores the errors, as in production: core/cache_config.py)."""
    import socket

    from core.cache_config import REDIS_BACKEND, REDIS_OPTIONS

    with socket.socket() as probe:  # a free port, closed again: nothing listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": REDIS_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
    yield
