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


def build_query(cleaned, language_code, *, database):
    """The query object for `cleaned` words in `language_code`.

    On the database backend each word may match itself or its base form (the pages index
    their words' base forms, search/lemmas.py), and every word must match. The search
    node's analyzers do the stemming themselves, so it gets the words as they are.
    """
    if not database:
        return PlainText(cleaned, operator="and")
    terms = []
    for word in cleaned.split():
        base = lemma(word.lower(), language_code)
        if base != word.lower():
            terms.append(Or([PlainText(word), PlainText(base)]))
        else:
            terms.append(PlainText(word))
    return terms[0] if len(terms) == 1 else And(terms)
