"""Turning what a reader typed into something every search backend accepts."""

import re
import unicodedata

from wagtail.search.query import And, Fuzzy, Or, PlainText

from .lemmas import lemma
from .stopwords import is_stop_word
from .translit import is_latin
from .understand import phrase_words, understand
from .vocabulary import CYRILLIC_LANGUAGES

MAX_QUERY_LENGTH = 200

# Letters and digits in any script, plus the joiners that occur inside words
# (hyphen, apostrophes). Everything else is a separator: quotes, operators and
# brackets would otherwise reach SQLite FTS5 or Elasticsearch as syntax.
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)


def clean_query(raw):
    """Return the words of `raw` joined by single spaces ('' when nothing is left)."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFKC", raw[: MAX_QUERY_LENGTH * 5])
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    words = [w.strip("'’-") for w in _WORD.findall(text)]
    words = [w for w in words if w and w.upper() not in {"AND", "OR", "NOT"}]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


class Transliterated(PlainText):
    """A Latin word matched, on the search node, against the Latin skeletons of a Cyrillic
    language's pages (search/backends.py); the database matches it as plain text (the
    vocabulary's transliteration is among the alternatives there)."""


def _word_query(word, language_code, database):
    """One word: on the database itself or its base form (pages index both); the node's
    analyzers stem by themselves."""
    if not database:
        return PlainText(word)
    base = lemma(word.lower(), language_code)
    if base != word.lower():
        return Or([PlainText(word), PlainText(base)])
    return PlainText(word)


def _phrase_query(phrase, language_code, database):
    parts = [
        _word_query(w, language_code, database)
        for w in phrase_words(phrase)
        if not (is_stop_word(w, language_code) and " " in phrase.strip())
    ] or [_word_query(w, language_code, database) for w in phrase_words(phrase)]
    return parts[0] if len(parts) == 1 else And(parts)


def concept_query(concept, language_code, *, database):
    """Any of a concept's alternatives; on the node, a typo it may forgive too."""
    options = [_phrase_query(alt, language_code, database) for alt in concept.alternatives]
    if not database and concept.fuzzy:
        options.append(Fuzzy(concept.typed))
    if not database and language_code in CYRILLIC_LANGUAGES:
        options += [Transliterated(w) for w in concept.typed.split() if is_latin(w)]
    return options[0] if len(options) == 1 else Or(options)


def compile_query(understood, *, database, operator="and"):
    """The engine's query for an understood query (search/understand.py), or None when it
    has no concept (only an article number, say).

    "and": every concept some page can match (words no page uses are left out, so one
    unknown word does not empty the results); "or": any concept, best matches first.
    """
    language = understood.language
    concepts = understood.required if operator == "and" else understood.concepts
    if operator == "and" and not concepts:
        return None
    parts = [concept_query(c, language, database=database) for c in concepts]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def build_query(cleaned, language_code, *, database, operator="and", raw=None):
    """The query object for `cleaned` words in `language_code` (the API's search; the
    search page uses understand() and compile_query() itself)."""
    understood = understand(cleaned, language_code, raw=raw)
    query = compile_query(understood, database=database, operator=operator)
    if query is None:
        query = compile_query(understood, database=database, operator="or")
    return query if query is not None else PlainText(cleaned)
