"""A reader on a phone fills in the alternative-service application builder, with and without
JavaScript, gets his application and the next deadline, and prints the application alone."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import ARTIFACTS, PHONE
from .test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

BUILDER = "/en/knowledge/alternative-service-application-russia/"


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def phone(request, new_context):
    context = new_context(viewport=PHONE, java_script_enabled=request.param, is_mobile=True)
    page = context.new_page()
    page.javascript = request.param  # axe needs it
    return page


def fill_in(page):
    page.get_by_label("Full name").fill("Иванов Иван Иванович")
    page.get_by_label("Date of birth").fill("2007-03-15")
    page.get_by_label("Address").fill("г. Тверь, ул. Советская, д. 5")
    page.get_by_label("Where you hand it in").fill("Центрального района г. Твери")
    page.get_by_label("My beliefs are contrary to military service").check()
    page.locator("#id_reasons").fill("Я не могу брать в руки оружие.")
    page.get_by_label("An autobiography").check()


def test_a_reader_builds_and_prints_his_application(phone, site, shot):
    page = phone
    response = page.goto(site + BUILDER)
    assert response.status == 200
    assert not page.context.cookies()
    shot(page, "form", full_page=False, doc="reader-application-builder")
    fill_in(page)
    page.get_by_role("button", name="Show my application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your application")
    sheet = page.locator(".application-sheet")
    expect(sheet).to_have_attribute("lang", "ru")
    expect(sheet).to_contain_text("от Иванов Иван Иванович, 15 марта 2007 года рождения")
    expect(sheet).to_contain_text("1. Автобиография.")
    expect(page.locator(".next-deadline")).to_contain_text(
        re.compile(r"Next deadline: April 1, \d{4}")
    )
    assert not page.context.cookies(), "no cookie after the submission either"
    shot(page, "answer")
    if page.javascript:
        violations = axe_violations(page)
        assert not violations, describe(violations)

    pdf = page.pdf(format="A4")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "application-print.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "ЗАЯВЛЕНИЕ" in text and "Иванов Иван Иванович" in text
    for outside in ("Skip to content", "Leave this site", "Search", "Knowledge base", "News"):
        assert outside not in text, f"the printed application shows {outside!r}"
    assert "Next deadline" not in text  # the reader's notes are not handed in
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "A4 (210 × 297 mm)"


def test_a_refused_answer_keeps_what_was_typed(phone, site):
    page = phone
    page.goto(site + BUILDER)
    fill_in(page)
    page.locator("#id_reasons").fill("Слишком длинно. " + "я" * 6100)
    page.get_by_role("button", name="Show my application").click()
    expect(page.locator("#form-message")).to_be_visible()
    expect(page.get_by_text("Please shorten this to at most 6000 characters")).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_value("Иванов Иван Иванович")
    assert page.locator("#id_reasons").input_value().startswith("Слишком длинно.")
