"""Base forms of words, so that the database search backend matches inflected words.

Wagtail's database backend matches whole words only (SQLite FTS5 and PostgreSQL's
"simple" configuration): "дезертира" would not find "дезертир". Each page therefore
indexes one extra field, `search_lemmas`, holding the base forms of its words in its
own language, and the search view asks for each query word *or* its base form.

- Russian and Ukrainian: dictionary lemmas from pymorphy3 (OpenCorpora and
  VESUM dictionaries): "мобилизованных" → "мобилизовать", "мобілізації" → "мобілізація".
- English and German: Snowball stemmers ("deserters" → "desert"; German stemmed twice,
  so "Kriegsdienstverweigerer" and "Kriegsdienstverweigerung" meet at "kriegsdienstverweig").
- Belarusian: no lemmatiser or stemmer exists in either library, nor in Lucene, so a light
  stemmer of our own strips case and number endings after folding (ў→у, й→и, ё→е):
  "мабілізацыі" and "мабілізацыя" meet at "мабілізацы", "ўцекачоў" and "уцекачы" at
  "уцекач". The node's Belarusian analyzer runs the same pattern (search/backend_settings.py).

The search node does not need this (its analyzers stem), but indexes the field too.
"""

import re
import unicodedata
from functools import cache, lru_cache

from django.utils.encoding import force_str

from modelsearch.index import AutocompleteField, RelatedFields, SearchField

FIELD_NAME = "search_lemmas"
_WORD = re.compile(r"\w+(?:['’\-]\w+)*", re.UNICODE)
# Words this short are mostly prepositions and particles; their lemmas add noise.
_MIN_LENGTH = 3


@cache
def _morph(language_code):
    import pymorphy3  # loads a dictionary of a few MB: only when first needed

    return pymorphy3.MorphAnalyzer(lang=language_code)


@cache
def _snowball(language_code):
    import snowballstemmer

    return snowballstemmer.stemmer({"en": "english", "de": "german"}[language_code])


# Belarusian endings of nouns, adjectives and participles after folding (й→и, ў→у), longest
# first where one is the end of another; the stem keeps at least three letters. The node's
# "be" analyzer uses this pattern in a pattern_replace filter (Java's regex syntax is the
# same for it): keep them identical.
BELARUSIAN_ENDINGS = (
    "^(.{3,}?)(ямі|амі|імі|ымі|ага|яга|аму|яму|ого|ему|ая|яя|ое|ае|ые|ыя|ія|ие|аи|ои|еи|яи|ыи|ім|ым"
    "|ых|іх|ую|юю|ам|ям|ах|ях|ау|яу|оу|еу|ом|ем|ею|аю|ов|ев|аць|яць|іць|ыць|эць|уць|юць|ець"
    "|ецца|iцца|ацца|ці|ць|а|я|у|ю|ы|і|е|о|ь)$"
)
# Then one more vowel: "мабілізацыя" loses "ыя" where "мабілізацыі" loses "і"; both end at
# "мабілізац" after this.
BELARUSIAN_LAST_VOWEL = "^(.{3,}?)[аяоеуюыіь]$"
_BELARUSIAN = re.compile(BELARUSIAN_ENDINGS)
_BELARUSIAN_VOWEL = re.compile(BELARUSIAN_LAST_VOWEL)


def fold(word):
    """Lower case without diacritics, as the node's icu_folding gives Cyrillic (ў→у, й→и,
    ё→е, ї→і)."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ґ", "г"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def belarusian_stem(word):
    return _BELARUSIAN_VOWEL.sub(r"\1", _BELARUSIAN.sub(r"\1", fold(word)))


@lru_cache(maxsize=50_000)
def lemma(word, language_code):
    """The base form of one lower-case word in `language_code` (the word itself if none)."""
    if len(word) < _MIN_LENGTH or word.isdigit():
        return word
    if language_code in ("ru", "uk"):
        return _morph(language_code).parse(word)[0].normal_form.replace("ё", "е")
    if language_code == "de":
        # Twice, like the node's German analyzer (search/backend_settings.py): one pass leaves
        # "Kriegsdienstverweigerer" and "Kriegsdienstverweigerung" apart, two join them.
        stemmer = _snowball("de")
        return stemmer.stemWord(stemmer.stemWord(word))
    if language_code == "en":
        return _snowball("en").stemWord(word)
    if language_code == "be":
        return belarusian_stem(word)
    return word


def tokens(text):
    """The words of `text` as written (letters, digits, inner hyphens and apostrophes)."""
    return _WORD.findall(text or "")


def words(text):
    return [w.lower() for w in tokens(text)]


def lemmas(text, language_code):
    """The distinct base forms of the words in `text`, in order of first appearance."""
    seen = {}
    for word in words(text):
        seen.setdefault(lemma(word, language_code), None)
    return list(seen)


def query_lemmas(text, language_code):
    """The set of base forms of the words in `text` (short words left out)."""
    return {lemma(w, language_code) for w in words(text) if len(w) >= _MIN_LENGTH}


def searchable_text(obj):
    """The text of every SearchField of `obj` (following RelatedFields), as one string."""
    parts = []

    def collect(instance, fields):
        for field in fields:
            if isinstance(field, RelatedFields):
                related = field.get_value(instance)
                if related is None:
                    continue
                items = related.all() if hasattr(related, "all") else [related]
                for item in items:
                    collect(item, field.fields)
            elif (
                isinstance(field, SearchField)
                and not isinstance(field, AutocompleteField)
                and field.field_name != FIELD_NAME
            ):
                parts.append(_flatten(field.get_value(instance)))

    collect(obj, obj.get_search_fields())
    return " ".join(p for p in parts if p)


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    return force_str(value)


def page_lemmas(page):
    """The value of a page's `search_lemmas` field: base forms not already in its text.

    Every page type gets it from core.models.SitePage (an abstract model, not a mixin:
    the search node's mapping names a field after the model that defines it, and a plain
    mixin has no model name).
    """
    language = page.locale.language_code if getattr(page, "locale_id", None) else "en"
    text = searchable_text(page)
    plain = set(words(text))
    return " ".join(lem for lem in lemmas(text, language) if lem not in plain)


LEMMA_SEARCH_FIELDS = [SearchField(FIELD_NAME)]
