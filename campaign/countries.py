"""Every country an organisation may sign from: ISO 3166-1 codes and their names, in the
reader's (or moderator's) language, from maintained lists, not from the knowledge base (whose
countries are those its law pages are about).

django-countries holds the codes and, through its catalogues, the German, Russian and Ukrainian
names. It has no Belarusian catalogue: for a language it has none for, the names come from the
Unicode CLDR through Babel instead of falling back to English.
"""

from functools import cache
from pathlib import Path

from django.utils.functional import lazy
from django.utils.translation import get_language, to_locale

import django_countries
from babel import Locale, UnknownLocaleError
from django_countries import Countries, sort_key
from django_countries.data import COUNTRIES

_CATALOGUES = Path(django_countries.__file__).resolve().parent / "locale"


@cache
def _has_catalogue(language):
    return (_CATALOGUES / to_locale(language) / "LC_MESSAGES" / "django.mo").exists()


@cache
def _cldr_names(language):
    try:
        return Locale.parse(to_locale(language)).territories
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(code):
    """The name of ISO 3166-1 country `code` in the active language."""
    language = get_language() or "en"
    if not language.startswith("en") and not _has_catalogue(language):
        name = _cldr_names(language).get(code)
        if name:
            return name
    return str(_DJANGO_COUNTRIES.name(code))


_DJANGO_COUNTRIES = Countries()  # django-countries' names (common names where it has them)


class SignatoryCountries(Countries):
    """django-countries' list, named in the active language as country_name() says."""

    override = {code: lazy(country_name, str)(code) for code in COUNTRIES}


def collation_key(name):
    """Sort key for names in any language (the Unicode Collation Algorithm, as django-countries
    sorts its list)."""
    return sort_key((None, name))
