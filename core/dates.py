"""Dates in the reader's language, formatted once per language and process.

Django's `date_format` parses the format string and translates the month name on every call
(about 25 µs); a country profile shows some thirty dates, most of them the same few days.
"""

from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import get_language


def long_date(value):
    """'24 September 2022' in the active language (its DATE_FORMAT); '' for no date."""
    if not value:
        return ""
    return _long_date(value, get_language())


@lru_cache(maxsize=4096)
def _long_date(value, language):
    # `language` is part of the key only: it is the active language when this runs.
    return date_format(value, "DATE_FORMAT")
