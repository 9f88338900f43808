"""The demo content as data: the English text in demo/data/*.yaml, its translations in PO
catalogues per language (demo/locale/<language>/LC_MESSAGES/demo.po, and decisions.po for the
decisions).

The loaders read it from here, and so do the tests, so that a test names the demo text it
expects through the data rather than repeating it. Everything returned is a fresh copy:
changing it changes nothing for the next caller.
"""

import copy
import functools
import re
from pathlib import Path

import polib
import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("de", "ru", "uk", "be")  # translated into; English is the source


@functools.cache
def _load(name):
    with open(DATA_DIR / name, encoding="utf-8") as file:
        return yaml.safe_load(file)


def load(name):
    """The parsed data file `name` (relative to demo/data), e.g. "news.yaml"."""
    return copy.deepcopy(_load(name))


# --- English content ---------------------------------------------------------------


def home():
    return load("home.yaml")


def countries():
    return load("knowledge/countries.yaml")


def sources():
    """{source id: SourceBlock fields (and editors' notes)}."""
    return load("knowledge/sources.yaml")


def profiles():
    return load("knowledge/profiles.yaml")


def profile(country_code):
    return next(p for p in profiles() if p["country"] == country_code)


def rules(country_code, **match):
    """The rules of a country's profile (in profile order) whose fields match: each keyword
    is a value to equal or a predicate, e.g. rules("RU", topic="desertion",
    prison_max_months=bool)."""

    def matches(rule):
        for field, wanted in match.items():
            value = rule.get(field)
            if not (wanted(value) if callable(wanted) else value == wanted):
                return False
        return True

    return [r for r in profile(country_code)["rules"] if matches(r)]


def rule(country_code, **match):
    """The first rule of rules(country_code, **match)."""
    found = rules(country_code, **match)
    if not found:
        raise LookupError(f"No {country_code} rule in the demo data matches {match}")
    return found[0]


def source(source_id):
    return sources()[source_id]


def guides():
    return load("knowledge/guides.yaml")


def guide(slug):
    return next(g for g in guides() if g["slug"] == slug)


def news():
    """{"index": …, "series": …, "items": [...]}, items oldest first."""
    return load("news.yaml")


def news_item(title):
    return next(item for item in news()["items"] if item["title"] == title)


def campaign():
    return load("campaign.yaml")


def search_synonyms():
    """[{"key": …, language: [term, …], …}]: the demo's search synonym groups."""
    return load("search_synonyms.yaml")


def safety():
    """The "Read this site safely" page: {title, slug, introduction, body}."""
    return load("safety.yaml")


def alternative_service():
    """The application builders, one per country: [{country, title, …, deadlines}]."""
    return load("alternative_service.yaml")


def decisions():
    """{"index": …, "countries": […], "sources": {id: …}, "decisions": […]}"""
    return load("decisions.yaml")


def decision(slug):
    return next(d for d in decisions()["decisions"] if d["slug"] == slug)


# --- translations ------------------------------------------------------------------


# Catalogues, each with its own part of the demo: "demo" (home, knowledge base, news, campaign),
# "decisions", "safety" (the "Read this site safely" page) and "alternative_service" (the
# application builders).
DOMAINS = ("demo", "decisions", "safety", "alternative_service")


@functools.cache
def _catalogue(language, domain="demo"):
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path)) if path.exists() else polib.POFile()


# An entry that holds a whole rich-text field rather than one of its segments.
RICH_TEXT = re.compile(r"^\s*<(p|ul|ol|h[1-6]|blockquote)[\s>]")


def _segments(html):
    from wagtail_localize.strings import extract_strings

    _template, strings = extract_strings(html)
    return [string.data for string, _attrs in strings]


def _pairs(entry):
    """(English, translation) pairs of an entry: a rich-text field ("<p>…</p><ul><li>…") is
    split into the segments wagtail-localize offers (each paragraph, each list item), so a
    catalogue may hold either; one that does not split alike stays whole (and matches
    nothing, which tests/test_demo_data.py reports)."""
    if RICH_TEXT.match(entry.msgid):
        english, translated = _segments(entry.msgid), _segments(entry.msgstr)
        if len(english) == len(translated):
            return list(zip(english, translated, strict=True))
    return [(entry.msgid, entry.msgstr)]


@functools.cache
def _phrasebook(language, context, domain="demo"):
    entries = [e for e in _catalogue(language, domain) if e.translated() and not e.obsolete]
    book = {}
    for entry in entries:
        if not entry.msgctxt:
            book.update(_pairs(entry))
    for entry in entries:
        if context and entry.msgctxt == context:
            book.update(_pairs(entry))
    return book


def phrasebook(language, context=None, domain="demo"):
    """{English: translation} of `language`'s catalogue `domain`: the entries without msgctxt
    and, for `context` (a part of the demo: "home", "knowledge", "news", "campaign"), the
    entries with that msgctxt, which take precedence. Untranslated entries are left out:
    their text stays English."""
    return dict(_phrasebook(language, context, domain))


def phrasebooks(context=None, domain="demo"):
    """{language: phrasebook(language, context, domain)} for every language translated into."""
    return {language: phrasebook(language, context, domain) for language in LANGUAGES}


def translation(language, english, context=None, domain="demo"):
    """`english` in `language` as the demo loads it (English where untranslated)."""
    if language == "en":
        return english
    return _phrasebook(language, context, domain).get(english, english)


def is_translated(language, english, context=None, domain="demo"):
    return language == "en" or english in _phrasebook(language, context, domain)
