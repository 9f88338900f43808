"""Latin-typed Cyrillic: a loose Latin spelling ("skeleton") that a Cyrillic word and the ways
readers type it in Latin letters share.

Readers without a Cyrillic keyboard, or who do not want one on their phone, type "povestka",
"mobilizatsiya", "mobilizacia", "vidstrochka", "dezertyr". There is no one scheme: "ц" is
ts, tz, c; "я" is ya, ja, ia, a; "х" is kh, h, x; Ukrainian "г" is h. So both sides are reduced
to the same skeleton:

1. Cyrillic letters become Latin as ICU's "Any-Latin; Latin-ASCII" transliterates them
   (ISO 9: ц→c, ч→č→c, ш→š→s, щ→ŝ→s, ж→ž→z, х→h, я→â→a, ю→û→u, й→j, ы→y, ь and ъ dropped);
   Latin letters lose their accents.
2. The same ordered rewriting rules then run on both (`RULES`): digraphs readers use become
   the one letter ISO 9 gives (shch, sch, sh → s; ch → c; zh → z; kh, x, g → h; ts, tz → c),
   j and y become i, the glide before a vowel goes (ia → a), doubled letters become one.

"мобилизация" → mobilizacia → mobilizaca; "mobilizatsiya" → mobilizaciia → mobilizaca.

The database search looks the reader's Latin words up in the vocabulary by skeleton
(search/vocabulary.py); the search node builds the same skeleton with ICU's transform and
the same rules as pattern_replace filters (search/backend_settings.py), and `LATIN_RULES_FOR_NODE`
gives them in its regular-expression syntax (Java's, which these patterns share).
"""

import re
import unicodedata
from functools import lru_cache

# ICU's Cyrillic-Latin (ISO 9) followed by Latin-ASCII, letter by letter.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e",
    "ж": "z", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f",
    "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "u", "я": "a", "'": "", "’": "", "ʼ": "",
}  # fmt: skip

# (pattern, replacement) in order; the node runs the same list (search/backend_settings.py).
RULES = [
    ("[^a-z]", ""),  # apostrophes, hyphens, soft signs ICU writes as ʹ
    ("shch|sch|sh|sz", "s"),
    ("tch|ch|cz", "c"),
    ("zh", "z"),
    ("kh|x|g", "h"),
    ("ts|tz", "c"),
    ("ph", "f"),
    ("w", "v"),
    ("q", "k"),
    ("[jy]", "i"),
    ("i+([aeou])", "$1"),
    ("([a-z])\\1+", "$1"),
]

_COMPILED = [(re.compile(p), r.replace("$1", r"\1")) for p, r in RULES]
LATIN_RULES_FOR_NODE = RULES

_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")


def is_latin(word):
    """A word typed in Latin letters (with no Cyrillic letter in it)."""
    return bool(_LATIN_LETTER.search(word)) and not _CYRILLIC_LETTER.search(word)


def is_cyrillic(word):
    return bool(_CYRILLIC_LETTER.search(word))


def _ascii(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def to_latin(word):
    """ISO 9 without accents, as ICU's "Any-Latin; Latin-ASCII" gives it (lower case)."""
    low = word.lower()
    return "".join(_CYRILLIC.get(ch, ch) for ch in low)


@lru_cache(maxsize=50_000)
def skeleton(word):
    """The loose Latin spelling of a Cyrillic or Latin word ('' for digits only)."""
    text = _ascii(to_latin(word)).lower()
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text[:60]
