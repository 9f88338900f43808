"""Turning what a reader typed into something every search backend accepts."""

import re
import unicodedata

from wagtail.search.query import And, Or, PlainText

from .lemmas import lemma

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


def build_query(cleaned, language_code, *, database, operator="and"):
    """The query object for `cleaned` words in `language_code`.

    On the database backend each word may match itself or its base form (the pages index
    their words' base forms, search/lemmas.py), and every word must match. The search
    node's analyzers do the stemming themselves, so it gets the words as they are.
    """
    if not database:
        return PlainText(cleaned, operator=operator)
    terms = []
    words = cleaned.split()
    # Prepositions and particles ("в", "з", "in", "of") would have to occur in every hit;
    # the node's analyzers drop them as stop words, so the database search does too.
    words = [w for w in words if len(w) > 2] or words
    for word in words:
        base = lemma(word.lower(), language_code)
        if base != word.lower():
            terms.append(Or([PlainText(word), PlainText(base)]))
        else:
            terms.append(PlainText(word))
    if len(terms) == 1:
        return terms[0]
    return And(terms) if operator == "and" else Or(terms)
