"""Keyboard use (skip link, every control reachable with a visible focus) and printing."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

KEYBOARD_PAGES = [
    "/en/",
    "/en/knowledge/russia/",
    "/uk/knowledge/situation/",
    "/en/news/",
    "/ru/campaign/appeal-bundestag/sign/",
    "/en/help/",
    "/en/search/?q=Russia",
]

# Marks every element a keyboard user must reach and returns how many there are. A group of
# radio buttons is one stop (Tab enters it, the arrow keys choose), so it shares one mark.
MARK_FOCUSABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary,'
        + ' [tabindex]:not([tabindex="-1"])';
    const wanted = [...document.querySelectorAll(selector)].filter(el =>
        !el.disabled && el.tabIndex >= 0 && !el.closest('[aria-hidden="true"]')
        && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0);
    const groups = {};
    let count = 0;
    for (const el of wanted) {
        const group = el.type === 'radio' ? el.form?.id + '/' + el.name : null;
        if (group && group in groups) { el.dataset.keyboardCheck = groups[group]; continue; }
        el.dataset.keyboardCheck = count;
        if (group) groups[group] = count;
        count++;
    }
    return count;
}"""

# What the focused element is and whether a sighted keyboard user can see the focus.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        index: el.dataset.keyboardCheck ?? null,
        tag: el.tagName + (el.id ? '#' + el.id : '') + ' '
            + (el.textContent || '').trim().slice(0, 40),
        indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== 'none',
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_keyboard_reaches_every_control_with_visible_focus(page, site, path, shot):
    page.goto(site + path)

    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    assert page.evaluate(FOCUS_STATE)["onScreen"], "the skip link must appear when focused"
    shot(page, "skip-link", full_page=False)
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    page.goto(site + path)
    expected = page.evaluate(MARK_FOCUSABLE)
    reached, invisible = set(), []
    for _ in range(expected + 10):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["tag"].startswith("BODY"):
            break
        if state["index"] is not None:
            reached.add(int(state["index"]))
        if not (state["indicator"] and state["onScreen"]):
            invisible.append(state["tag"])
    missed = page.evaluate(
        "(reached) => [...document.querySelectorAll('[data-keyboard-check]')]"
        ".filter(el => !reached.includes(+el.dataset.keyboardCheck))"
        ".map(el => el.outerHTML.slice(0, 120))",
        sorted(reached),
    )
    assert not missed, f"not reachable with Tab: {missed}"
    assert not invisible, f"focus not visible on: {invisible}"


def test_printed_country_profile_keeps_sources_and_review_date(page, site):
    page.goto(f"{site}/en/knowledge/russia/")
    review = page.locator(".review-status").first.inner_text().strip()
    assert re.search(r"reviewed on .*\d{4}", review), review
    first_source = page.locator(".sources__list li").first.inner_text().strip()

    pdf = page.pdf(format="A4")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "russia-profile-print.pdf").write_bytes(pdf)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = re.sub(r"\s+", " ", text)

    assert re.sub(r"\s+", " ", review) in text
    assert "Sources" in text
    assert first_source.split(",")[0] in text
    assert "Search the site" not in text and "Skip to content" not in text
