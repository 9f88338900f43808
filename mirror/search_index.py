"""The copy's search index: for each page of a language its title, a short text and its
text, taken from the page as rendered for the copy (what readers see, nothing else)."""

import html
import re

TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S | re.I)
MAIN = re.compile(r"<main\b[^>]*>(.*?)</main>", re.S | re.I)
# Not the page's own text: navigation, notices of the copy, forms, scripts.
NOT_TEXT = re.compile(r"<(script|style|nav|form|aside|noscript)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
SNIPPET_CHARS = 200
TEXT_CHARS = 4000


def _text(fragment):
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()


def entry_from_html(document):
    main = MAIN.search(document)
    if not main:
        return None
    body = NOT_TEXT.sub(" ", main.group(1))
    title = TITLE.search(body)
    if not title:
        return None
    heading = _text(title.group(1))
    text = _text(body[title.end() :])
    snippet = text[:SNIPPET_CHARS]
    if len(text) > SNIPPET_CHARS:
        snippet = snippet.rsplit(" ", 1)[0] + " …"
    return {"title": heading, "snippet": snippet, "text": text[:TEXT_CHARS]}
