"""A reader's way through the site, with and without JavaScript, on a phone and a desktop."""

import re

import pytest
from playwright.sync_api import expect

from demo import data

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

READER_SETUPS = [
    pytest.param((PHONE, True), id="phone-js"),
    pytest.param((PHONE, False), id="phone-nojs"),
    pytest.param((DESKTOP, True), id="desktop-js"),
    pytest.param((DESKTOP, False), id="desktop-nojs"),
]


@pytest.fixture
def reader(request, new_context):
    viewport, javascript = request.param
    context = new_context(
        viewport=viewport, java_script_enabled=javascript, is_mobile=viewport == PHONE
    )
    return context.new_page()


def search_russian(page, site, query):
    page.goto(f"{site}/ru/")
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.get_by_role("search").first.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/ru/search/\?q="))
    return page.locator("ol.search-results")


@pytest.mark.parametrize("reader", READER_SETUPS, indirect=True)
def test_reader_home_profile_news_search_and_ukrainian(reader, site, shot):
    page = reader
    page.goto(f"{site}/")
    expect(page).to_have_url(f"{site}/en/")
    shot(page, "home")

    hero = page.locator("main .hero")
    # Beside the way into the knowledge base, a shortcut to the situation guide.
    expect(hero.get_by_role("link", name="What applies to me?")).to_have_attribute(
        "href", "/en/knowledge/situation/"
    )
    hero.get_by_role("link", name=data.home()["home"]["knowledge_call"]).click()
    expect(page).to_have_url(f"{site}/en/knowledge/")
    page.locator("main").get_by_role("link", name="Russia", exact=True).click()
    expect(page).to_have_url(f"{site}/en/knowledge/russia/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia")
    shot(page, "profile")

    news_link = page.locator(".related-news a").first
    news_title = news_link.inner_text()
    news_link.click()
    expect(page).to_have_url(re.compile(r"/en/news/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(news_title)
    shot(page, "news")

    # A query that the database search finds today (an exact word of the profile).
    results = search_russian(page, site, "мобилизация")
    expect(results.get_by_role("link", name="Россия", exact=True)).to_be_visible()
    shot(page, "search-ru")
    results.get_by_role("link", name="Россия", exact=True).click()
    expect(page).to_have_url(f"{site}/ru/knowledge/russia/")

    page.locator(".language-switcher a[lang=uk]").click()
    expect(page).to_have_url(f"{site}/uk/knowledge/russia/")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Росія")
    shot(page, "profile-uk")


@pytest.mark.parametrize("reader", [READER_SETUPS[0]], indirect=True)
def test_reader_finds_mobilisation_with_an_inflected_russian_word(reader, site, shot):
    # The pages say "мобилизованных" and "мобилизованного", never "мобилизованными".
    results = search_russian(reader, site, "мобилизованными")
    shot(reader, "search-inflected")
    expect(results.get_by_role("link", name="Россия", exact=True)).to_be_visible()
