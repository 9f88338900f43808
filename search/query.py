"""Turning what a reader typed into something every search backend accepts."""

import re
import unicodedata
from dataclasses import dataclass

from wagtail.search.query import And, Fuzzy, Or, PlainText

from .stopwords import base_form, is_stop_word
from .translit import is_latin
from .understand import phrase_words
from .vocabulary import CYRILLIC_LANGUAGES

MAX_QUERY_LENGTH = 200
# The search operators readers bring from other engines, written in capitals ("desertion AND
# asylum"). The engines here would read them as words; the lower-case words stay words.
# NOT is read as the minus before a word: the word after it is not searched for.
OPERATORS = frozenset({"AND", "OR"})
NOT = "NOT"
# Minus signs as typed on phones and copied from texts (hyphen-minus, minus, en dash).
MINUS = frozenset("-\u2212\u2013")
# Shown in the page's notice: a crafted link must not fill the page with words.
MAX_EXCLUDED_SHOWN = 5

# Letters and digits in any script, plus the joiners that occur inside words
# (hyphen, apostrophes). Everything else is a separator: quotes, operators and
# brackets would otherwise reach SQLite FTS5 or Elasticsearch as syntax.
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
# Signs that other engines read as syntax (phrases, groups, wildcards, boosts, "+" for a
# must): a reader who typed them expected an effect, so the page says they were left out.
# Sentence punctuation ("ст. 337", "what now?") is left out without a word.
SYNTAX = frozenset('"“”„«»()[]{}*~^+|\\<>=&')


@dataclass(frozen=True)
class ReadQuery:
    """What was searched for and what of the typed query was not, for the page to say so."""

    text: str  # the words, joined by single spaces ('' when nothing is left)
    shortened: bool = False  # longer than MAX_QUERY_LENGTH: the words after it were dropped
    operators: bool = False  # AND, OR were left out
    excluded: tuple = ()  # "-word", "NOT word": words the reader wanted left out, not searched
    characters: bool = False  # quotes, brackets and other signs were left out


def _after_minus(text, start):
    """Whether the word at `start` has a minus of its own before it ("-news", "(-news)"),
    not a hyphen inside a word ("C-472", "2022-2023")."""
    return start > 0 and text[start - 1] in MINUS and (start == 1 or not text[start - 2].isalnum())


def read_query(raw):
    """The words of `raw` and an account of what was left out of it."""
    if not raw:
        return ReadQuery("")
    shortened = len(raw) > MAX_QUERY_LENGTH * 5
    text = unicodedata.normalize("NFKC", raw[: MAX_QUERY_LENGTH * 5])
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    words, excluded, operators, negated = [], [], False, False
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group().strip("'’-")
        if not word:
            continue
        if word in OPERATORS:
            operators = True
        elif word == NOT:
            negated = True
            continue
        elif negated or _after_minus(text, start):
            # Other engines leave such a word out; searching for it would find the opposite
            # of what was asked.
            excluded.append(word)
        else:
            words.append(word)
        negated = False
    joined = " ".join(words)
    if len(joined) > MAX_QUERY_LENGTH:
        shortened = True
        cut = joined[: MAX_QUERY_LENGTH + 1]
        joined = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
    return ReadQuery(
        text=joined.strip(),
        shortened=shortened,
        operators=operators,
        excluded=tuple(dict.fromkeys(w[:MAX_QUERY_LENGTH] for w in excluded)),
        characters=any(ch in SYNTAX for ch in text),
    )


def clean_query(raw):
    """Return the words of `raw` joined by single spaces ('' when nothing is left)."""
    return read_query(raw).text


class Transliterated(PlainText):
    """A Latin word matched, on the search node, against the Latin skeletons of a Cyrillic
    language's pages (search/backend_settings.py); the database matches it as plain text (the
    vocabulary's transliteration is among the alternatives there)."""


def _terms(phrase, language_code, database):
    """The words of one alternative as the engine is asked for them. The database gets base
    forms only: every page indexes the base form of each of its words (core/lemmas.py),
    so the base form finds the word in any form, the typed one too. The node's analyzers
    stem by themselves: it gets the words."""
    words = phrase_words(phrase)
    if len(words) > 1:  # "уклоняющийся от призыва": the small word need not be there
        words = [w for w in words if not is_stop_word(w, language_code)] or words
    if database:
        words = [base_form(w, language_code) for w in words]
    return words


def concept_query(concept, language_code, *, database):
    """Any of a concept's alternatives: its one-word alternatives in one "or" query (one
    expression for the database to build, however many synonyms), each longer one as an
    "and" query; on the node also a typo it may forgive and the Latin skeleton."""
    singles, phrases, options = [], [], []
    for alternative in concept.alternatives:
        terms = _terms(alternative, language_code, database)
        if len(terms) == 1:
            singles.append(terms[0])
        elif terms:
            phrases.append(terms)
    # "частичная мобилизация" next to "мобилизация" matches no page the word does not, but
    # the pages having the whole phrase rank higher.
    for terms in phrases:
        options.append(PlainText(" ".join(terms), operator="and"))
    if singles:
        options.insert(0, PlainText(" ".join(dict.fromkeys(singles)), operator="or"))
    if not database and concept.fuzzy:
        options.append(Fuzzy(concept.typed))
    if not database and language_code in CYRILLIC_LANGUAGES:
        options += [Transliterated(w) for w in concept.typed.split() if is_latin(w)]
    return options[0] if len(options) == 1 else Or(options)


def compile_query(understood, *, database, operator="and"):
    """The engine's query for an understood query (search/understand.py), or None when it
    has no concept (only an article number, say).

    "and": every concept some page can match (words no page uses are left out, so one
    unknown word does not empty the results; broad words, "army", only when no other word
    is one some page uses: Understood.searched); "or": any concept, best matches first.
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
