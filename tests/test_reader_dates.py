"""Dates and weekdays as each language writes them in running text."""

from datetime import date

from django.utils import translation

import pytest

from core.dates import long_date


@pytest.mark.parametrize(
    "language, expected",
    [
        ("uk", "5 вересня 2023 р."),
        ("ru", "5 сентября 2023 г."),
        ("be", "5 верасня 2023 г."),
        ("de", "5. September 2023"),
    ],
)
def test_long_dates_have_no_leading_zero(language, expected):
    with translation.override(language):
        assert long_date(date(2023, 9, 5)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, expected",
    [("ru", "понедельник–пятница"), ("uk", "понеділок–п’ятниця"), ("de", "Montag–Freitag")],
)
def test_hotline_weekdays_are_written_as_inside_a_sentence(language, expected):
    from home.models import HelpChannels

    channels = HelpChannels(hotline_first_day=0, hotline_last_day=4)
    with translation.override(language):
        assert channels.hotline_days.replace("'", "’") == expected
