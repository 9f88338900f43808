"""Dates and numbers read the way each language writes them (Django's formats; Belarusian
from core/formats/be, with the project's genitive month names)."""

from datetime import date

from django.template.loader import render_to_string
from django.utils import translation

import pytest

from campaign.models import FundraisingPage
from knowledge.models import CountryProfilePage
from news.models import NewsPage

from .knowledge_helpers import profile

DAY = date(2026, 11, 21)
DATES = {
    "en": "Nov. 21, 2026",
    "de": "21. November 2026",
    "ru": "21 ноября 2026 г.",
    "uk": "21 листопада 2026 р.",
    "be": "21 лістапада 2026 г.",
}
NBSP = "\xa0"
AMOUNTS = {
    "en": "1,234,567",
    "de": "1.234.567",
    "ru": f"1{NBSP}234{NBSP}567",
    "uk": f"1{NBSP}234{NBSP}567",
    "be": f"1{NBSP}234{NBSP}567",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(DATES))
def test_review_date_on_a_profile(client, demo_content, language):
    page = profile("russia", language)
    CountryProfilePage.objects.filter(pk=page.pk).update(last_reviewed=DAY)
    html = client.get(page.url).content.decode()
    assert DATES[language] in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "uk"])
def test_news_date(client, demo_content, language):
    news = NewsPage.objects.filter(locale__language_code=language).first()
    NewsPage.objects.filter(pk=news.pk).update(date=DAY)
    html = client.get(news.url).content.decode()
    assert f'<time datetime="2026-11-21">{DATES[language]}</time>' in html


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        # Django's Belarusian catalogue has the nominative "сакавік" for March and
        # classical spellings; the project's catalogue corrects them.
        (date(2026, 3, 8), "be", "8 сакавіка 2026 г."),
        (date(2026, 9, 1), "be", "1 верасня 2026 г."),
        (date(2026, 12, 31), "be", "31 снежня 2026 г."),
        (date(2026, 5, 9), "be", "9 мая 2026 г."),
        (date(2026, 3, 8), "de", "8. März 2026"),
    ],
)
def test_month_names_in_dates(day, language, expected):
    from django.utils.formats import date_format

    with translation.override(language):
        assert date_format(day, "DATE_FORMAT") == expected


def test_remembered_dates_follow_the_language():
    """core.dates remembers formatted dates: one language's answer never reaches another."""
    from core.dates import long_date

    for language in [*DATES, "en", "ru"]:  # each language again after the others
        with translation.override(language):
            assert long_date(DAY) == DATES[language]
            assert long_date(None) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(AMOUNTS))
def test_fundraising_amounts_are_grouped(client, demo_content, language):
    FundraisingPage.objects.update(target_amount=1_234_567, received_amount=1_000)
    page = FundraisingPage.objects.get(locale__language_code=language)
    html = client.get(page.url).content.decode()
    assert AMOUNTS[language] in html
    # The progress bar's attributes stay machine-readable.
    assert 'max="1234567"' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "12,345 organisations"),
        ("de", "12.345 Organisationen"),
        ("ru", f"12{NBSP}345 организаций"),
        ("uk", f"12{NBSP}345 організацій"),
        ("be", f"12{NBSP}345 арганізацый"),
        ("ru", "3 организации"),  # the plural form still follows the number
    ],
)
def test_signature_counter_groups_large_numbers(language, expected):
    count = 3 if expected.startswith("3 ") else 12_345
    with translation.override(language):
        html = render_to_string(
            "campaign/components/signatory_counter.html",
            {"organisation_count": count, "country_count": 2},
        )
    assert f"<strong>{expected}</strong>" in html
