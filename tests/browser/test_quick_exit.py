""" "Leave this site" in Chromium: the second Tab stop, Esc or a tap leaves at once and the
page left is not one Back away; without JavaScript it is a plain link."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def exit_url(site, settings):
    # A neutral page on the live server stands in for the real one (no other host here).
    settings.QUICK_EXIT_URL = site + "/robots.txt"
    return settings.QUICK_EXIT_URL


def test_esc_leaves_and_back_does_not_return(page, site, exit_url, shot):
    page.goto(site + "/en/")
    page.goto(site + "/ru/knowledge/russia/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("a.quick-exit")).to_be_focused()
    expect(page.locator("a.quick-exit")).to_have_text("Покинуть сайт (Esc)")
    shot(page, "focused", full_page=False)
    page.keyboard.press("Escape")
    page.wait_for_url(exit_url)
    page.go_back()
    page.wait_for_url(site + "/en/")  # the profile was replaced in the history


def test_a_tap_on_a_phone_leaves_the_same_way(browser, site, exit_url, shot):
    context = browser.new_context(viewport=PHONE, locale="uk-UA", has_touch=True)
    page = context.new_page()
    page.goto(site + "/uk/")
    page.goto(site + "/uk/knowledge/ukraine/")
    link = page.locator("a.quick-exit")
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size, and more
    assert box["y"] < 60  # at the very top, visible without scrolling
    shot(page, "phone")
    link.tap()
    page.wait_for_url(exit_url)
    page.go_back()
    page.wait_for_url(site + "/uk/")
    context.close()


def test_without_javascript_it_is_a_plain_link(browser, site, exit_url):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(site + "/de/help/")
    link = page.locator("a.quick-exit")
    expect(link).to_contain_text("Seite verlassen")
    expect(link.locator(".quick-exit__key")).to_be_hidden()  # "(Esc)" needs JavaScript
    link.click()
    page.wait_for_url(exit_url)
    context.close()


def test_esc_in_a_form_field_keeps_what_was_typed(page, site, exit_url):
    page.goto(site + "/en/search/?q=Russia")
    box = page.locator("#search-page-q")
    box.fill("deserter penalties")
    box.press("Escape")  # closes suggestions or clears the box: the browser's own meaning
    assert page.url.startswith(site + "/en/search/")
    page.keyboard.press("Tab")  # out of the field: now Esc leaves
    page.keyboard.press("Escape")
    page.wait_for_url(exit_url)


def test_on_a_phone_it_stays_at_hand_when_the_reader_has_scrolled(browser, site, exit_url):
    context = browser.new_context(viewport=PHONE, locale="ru-RU", has_touch=True)
    page = context.new_page()
    page.goto(site + "/ru/knowledge/russia/")
    page.mouse.wheel(0, 4000)
    page.wait_for_function("window.scrollY > 1000")
    box = page.locator("a.quick-exit").bounding_box()
    assert 0 <= box["y"] < 10  # on screen, at the top
    context.close()
