"""The exported mirror copy in Chromium: opened as files and served by a plain static server
under another host name, every link of a sample of pages in each language opens, no request
leaves the copy, and the copy's own search finds a Russian page for a Russian word."""

import functools
import threading
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from .conftest import CHROMIUM_PATH, django_orm

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "de", "ru", "uk", "be"]
MIRROR_HOST = "mirror-copy.example.net"
# In each language: home, knowledge base, a situation answer, the news, the mirror list.
SAMPLE = [
    "index.html",
    "knowledge/index.html",
    "knowledge/situation/index.html",
    "news/index.html",
    "mirrors/index.html",
]


@pytest.fixture(scope="module")
def mirror_copy(tmp_path_factory, _demo_site, django_db_blocker, live_server):
    """The demo's copy. (`live_server` is not used: asking for it is what makes pytest-django
    set up the test database for a module whose tests take no database fixture.)"""
    from mirror.export import export

    directory = tmp_path_factory.mktemp("mirror-browser") / "copy"
    with django_db_blocker.unblock(), django_orm():
        summary = export(directory)
    assert summary["missing"] == 0, summary["missing_urls"]
    return directory


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no access log, as on a mirror
        pass


@pytest.fixture(scope="module")
def mirror_server(mirror_copy):
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(mirror_copy))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{MIRROR_HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def mirror_browser(playwright, mirror_server):
    """Chromium resolving the mirror's host name to the local server (as DNS would for an
    address the site never rendered for)."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM_PATH,
        args=[f"--host-resolver-rules=MAP {MIRROR_HOST} 127.0.0.1"],
    )
    yield browser
    browser.close()


def served(url):
    """Whether the local server has the file (asked directly: the host name is the browser's)."""
    parts = urlsplit(url)
    local = f"http://127.0.0.1:{parts.port}{parts.path}"
    try:
        with urllib.request.urlopen(local, timeout=10) as response:  # noqa: S310 - local server
            return response.status == 200
    except urllib.error.URLError:
        return False


def crawl_sample(page, base):
    """Open the sample pages, then every link on them; return the links that did not open."""
    broken = []
    visited = set()
    quick_exit = None
    for code in LANGUAGES:
        for sample in SAMPLE:
            start = f"{base}/{code}/{sample}"
            response = page.goto(start)
            assert response is None or response.ok or response.status == 0, start
            assert page.locator(".mirror-notice").count() == 1, start
            quick_exit = page.locator("a[data-quick-exit]").get_attribute("href")
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            for href in sorted(set(hrefs)):
                parts = urlsplit(href)
                if parts.scheme not in ("file", "http") or (
                    parts.scheme == "http" and parts.hostname != MIRROR_HOST
                ):
                    continue  # outside links of the content, the main site, the quick exit
                target = href.split("#")[0]
                if target in visited:
                    continue
                visited.add(target)
                if not urlsplit(target).path.endswith((".html", ".xml", "/")):
                    # A document or an image: fetched, not opened (a PDF would download).
                    if parts.scheme == "file":
                        if not Path(unquote(urlsplit(target).path)).is_file():
                            broken.append((start, href, "no such file"))
                    elif not served(target):
                        broken.append((start, href, "not served"))
                    continue
                try:
                    response = page.goto(target)
                except PlaywrightError as error:  # file:// → net::ERR_FILE_NOT_FOUND
                    broken.append((start, href, str(error).splitlines()[0]))
                    continue
                # Chromium reports status 0 for a file:// page that opened.
                if response is not None and not (response.ok or response.status == 0):
                    broken.append((start, href, response.status))
    return broken, quick_exit


def test_the_copy_works_from_files(mirror_copy, context):
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    broken, quick_exit = crawl_sample(page, mirror_copy.as_uri())
    assert not broken, broken[:10]
    assert quick_exit.startswith("https://")  # the quick exit leaves, as on the site
    outside = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert not outside, outside[:10]


def test_the_copy_works_under_another_host_name(mirror_browser, mirror_server):
    context = mirror_browser.new_context(locale="ru-RU")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    failed = []
    # ERR_ABORTED: the next navigation cut a favicon or stylesheet short; not a missing file.
    page.on(
        "requestfailed",
        lambda request: request.failure != "net::ERR_ABORTED" and failed.append(request.url),
    )
    broken, _quick_exit = crawl_sample(page, mirror_server)
    assert not broken, broken[:10]
    outside = [url for url in requests if urlsplit(url).hostname != MIRROR_HOST]
    assert not outside, outside[:10]
    assert not failed, failed[:10]
    # The language switcher leads to the same page in another language.
    page.goto(f"{mirror_server}/ru/knowledge/index.html")
    page.locator(".language-switcher a[hreflang=uk]").click()
    assert page.url.endswith("/uk/knowledge/index.html")
    context.close()


def test_the_copy_searches_in_the_browser(mirror_copy, context, shot):
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((mirror_copy / "ru" / "search" / "index.html").as_uri())
    page.fill("#search-page-q", "ПОВЕСТКА")
    page.locator(".search-form button").click()
    results = page.locator("#mirror-search-results .search-result a")
    results.first.wait_for()
    assert "повестк" in " ".join(results.all_inner_texts()).lower()
    shot(page, "search", full_page=False, doc="mirror-search-ru")
    first = results.first.get_attribute("href")
    assert not first.startswith(("/", "http"))
    results.first.click()
    assert page.url.startswith("file://") and "/ru/" in page.url
    assert page.locator(".mirror-notice").count() == 1  # "a mirror copy made on …"
    shot(page, "result", full_page=False, doc="mirror-page-ru")
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
