"""`/sitemap.xml` lists every live public page in every language with its translations as
hreflang alternates; `/robots.txt` names it; `/favicon.ico` exists."""

import xml.etree.ElementTree as ET

from wagtail.models import Page

import pytest

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def sitemap(client, demo_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert not response.cookies
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def test_sitemap_lists_the_pages_of_every_language(sitemap):
    locations = [url.findtext("s:loc", namespaces=NS) for url in sitemap.findall("s:url", NS)]
    assert len(locations) == len(set(locations))
    paths = {location.split("/", 3)[3] for location in locations}
    for code in ("en", "de", "ru", "uk", "be"):
        assert f"{code}/" in paths
        assert f"{code}/knowledge/russia/" in paths
    expected = {
        page.get_full_url() for page in Page.objects.live().public().filter(depth__gte=2).specific()
    }
    assert expected == set(locations)


def test_each_url_names_its_translations_and_a_default(sitemap):
    urls = sitemap.findall("s:url", NS)
    by_location = {url.findtext("s:loc", namespaces=NS): url for url in urls}
    russia_ru = next(loc for loc in by_location if loc.endswith("/ru/knowledge/russia/"))
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in by_location[russia_ru].findall("x:link", NS)
    }
    assert alternates["ru"] == russia_ru
    assert alternates["en"].endswith("/en/knowledge/russia/")
    assert alternates["x-default"] == alternates["en"]
    assert {"de", "uk", "be"} <= set(alternates)


def test_robots_txt_names_the_sitemap_and_keeps_search_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /ru/search/" in text
    assert "Disallow: /admin/" in text


def test_favicon_exists(client, demo_content):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])
    page = client.get("/en/").content.decode()
    assert 'rel="icon"' in page
