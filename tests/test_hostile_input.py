"""Odd and hostile input on every public URL and API parameter: a clear 4xx or a normal page,
never a 500. Runs on SQLite and, in CI's PostgreSQL pass, on PostgreSQL (which refuses NUL
characters in strings that SQLite accepts)."""

from urllib.parse import quote

from django.test import Client

from wagtail.models import Page

import pytest

# Raw query-string values (already percent-encoded where needed).
HOSTILE = [
    "",
    "%00",
    "%22fox",
    "%3Cscript%3E",
    "-1",
    "9223372036854775808",  # 2**63
    "1e309",
    "abc",
    "..%2F..%2Fetc%2Fpasswd",
    "a" * 3000,
    "%FF%FE",  # not UTF-8
    "%5B%5D",
]
# What the public views read, plus one they do not.
PAGE_PARAMETERS = [
    "page",
    "country",
    "situation",
    "topic",
    "year",
    "untranslated",
    "q",
    "type",
    "utm_source",
]
API_PARAMETERS = [
    "offset",
    "limit",
    "locale",
    "site",
    "type",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "id",
    "slug",
    "show_in_menus",
]


def public_urls():
    """One page of each type in two languages, with the routable pages' sub-routes."""
    urls, seen = ["/sitemap.xml", "/robots.txt", "/healthz"], set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        kind = (type(page).__name__, page.locale.language_code)
        if kind in seen or page.locale.language_code not in ("en", "ru"):
            continue
        seen.add(kind)
        url = page.url
        urls.append(url)
        for sub in ("compare/", "situation/", "sign/", "rss/", "atom/", "rss/RU/"):
            if hasattr(page, "reverse_subpage"):
                urls.append(url + sub)
    urls += ["/en/search/", "/ru/search/", "/en/search/suggest/", "/uk/search/suggest/"]
    return urls


class Prober:
    """Requests odd URLs and remembers every one that answered with a server error."""

    def __init__(self):
        self.client = Client(raise_request_exception=False)
        self.errors = []

    def get(self, path, query=""):
        response = self.client.get(path, QUERY_STRING=query)
        if response.status_code >= 500:
            self.errors.append(f"{path}?{query[:60]} → {response.status_code}")
        return response


@pytest.fixture
def probe():
    prober = Prober()
    yield prober
    assert not prober.errors, "\n".join(prober.errors[:40])


@pytest.mark.django_db
def test_every_public_page_survives_odd_parameters(probe, demo_content):
    urls = public_urls()
    assert len(urls) > 20
    for path in urls:
        for value in HOSTILE:
            # Every parameter at once, and the page number alone (it gates the others).
            probe.get(path, "&".join(f"{parameter}={value}" for parameter in PAGE_PARAMETERS))
            probe.get(path, f"page={value}")
        probe.get(path, "page=2&page=abc&country=RU&country=%00")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_every_api_parameter_survives_odd_values(probe, demo_content, endpoint):
    for parameter in API_PARAMETERS:
        for value in HOSTILE:
            response = probe.get(f"/api/v2/{endpoint}/", f"{parameter}={value}")
            assert response["Content-Type"].startswith("application/json")
    for value in HOSTILE:
        probe.get(f"/api/v2/{endpoint}/{quote(value[:20]) or 'x'}/")


@pytest.mark.django_db
def test_the_find_endpoint_survives_odd_values(probe, demo_content):
    for parameter in ("id", "html_path"):
        for value in HOSTILE + ["/uk/knowledge/%00/", "/ru/knowledge/russia/"]:
            probe.get("/api/v2/pages/find/", f"{parameter}={value}")


@pytest.mark.django_db
def test_odd_paths_are_not_found_rather_than_errors(probe, demo_content):
    for path in (
        "/en/%00/",
        "/ru/knowledge/%FF/",
        "/en/news/rss/" + "A" * 30 + "/",
        "/en/" + "x/" * 200,
        "/de/search/%00/",
    ):
        probe.get(path)


@pytest.mark.django_db
def test_find_understands_language_prefixes(demo_content):
    client = Client()
    response = client.get("/api/v2/pages/find/", {"html_path": "/uk/knowledge/russia/"})
    assert response.status_code == 302
    detail = client.get(response["Location"]).json()
    assert detail["meta"]["locale"] == "uk"
    assert detail["meta"]["html_url"].endswith("/uk/knowledge/russia/")
    assert client.get("/api/v2/pages/find/", {"id": "abc"}).status_code == 400
