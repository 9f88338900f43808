"""Turning what a reader typed into something every search backend accepts."""

import re
import unicodedata

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
