"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

How they share the session's demo content (see docs/browser-tests.md):
pytest-django's `live_server` normally makes each test `transactional_db`, which flushes
every table afterwards, so the demo content loaded once in django_db_setup would be gone
after the first browser test. Here the live server's helper is overridden: browser tests
take no per-test database fixture, the server reads the committed demo content and what
the browser writes (a news page, a signature) is committed for real, as on a live site.
The browser tests run after all others (pytest_collection_modifyitems below), so those
writes cannot leak into the rest of the suite; they use fresh titles so they do not
depend on each other. Every module here has `pytestmark = pytest.mark.browser`.
"""

import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

# The one place that names the browser binary (Debian's package; Playwright's own
# browser download is neither used nor possible here).
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"

# The site answers in milliseconds: fail fast instead of waiting 30 s for a missing element.
expect.set_options(timeout=10_000)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last, after pytest-django's and pytest's own reordering: once
    Playwright has started, its event loop stays in the main thread and Django refuses ORM
    calls there; and what the browser commits must not reach the other tests."""
    here = Path(__file__).parent
    items.sort(key=lambda item: here in Path(item.fspath).parents)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM_PATH}. Install it (Debian: apt-get install "
            "chromium), point CHROMIUM_PATH at it, or deselect these tests with "
            "-m 'not browser'.",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Readers get no cookies and are redirected by Accept-Language: make it explicit.
    return {**browser_context_args, "locale": "en-GB"}


@contextmanager
def django_orm():
    """Use the ORM from the test while Playwright's sync API has an event loop running
    in this thread (Django refuses that by default; nothing here is concurrent)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def _demo_site(request, django_db_blocker):
    """The demo content, as django_db_setup committed it. Should a transactional test
    that ran earlier have flushed it, load it again (once) rather than test an empty site."""
    with django_orm():
        request.getfixturevalue("django_db_setup")  # may run after Playwright has started
    with django_db_blocker.unblock(), django_orm():
        from home.models import HomePage

        if not HomePage.objects.exists():
            call_command("load_demo_content", verbosity=0)


@pytest.fixture(scope="session")
def playwright(_demo_site, playwright):
    """pytest-playwright's Playwright, started only after the test database is set up, so that
    the database is also torn down after Playwright's event loop has stopped."""
    return playwright


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """Replaces pytest-django's helper of the same name (which requests transactional_db):
    apply the live server's settings and let it use the database, without a flush."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("_demo_site")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def site(live_server):
    """The live server's base URL."""
    return live_server.url


# The screenshots of docs/editors.md, retaken with UPDATE_DOC_SCREENSHOTS=1 (docs/browser-tests.md).
DOC_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "editors"


@pytest.fixture
def shot(request):
    """shot(page, "step") saves a screenshot (CI artifact) under test-artifacts/browser/<test>/;
    with doc="name", the guide's screenshot docs/screenshots/editors/name.png too, when
    UPDATE_DOC_SCREENSHOTS is set (otherwise the committed one is left alone)."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    counter = iter(range(1, 1000))

    def save(page, step, full_page=True, doc=None):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{next(counter):02d}-{step}.png", full_page=full_page)
        if doc and os.environ.get("UPDATE_DOC_SCREENSHOTS"):
            DOC_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=DOC_SCREENSHOTS / f"{doc}.png", full_page=False)

    return save
