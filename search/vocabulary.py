"""The words of the published pages, per language: what a misspelt or Latin-typed query word
is matched against.

- Typos: a query word that no page uses (in any form) is compared with the words pages do
  use: on PostgreSQL with trigram similarity (pg_trgm, search/migrations/0005), on SQLite in
  Python among words of about the same length and first letter. The closest one within one
  edit (two for longer words) is the correction ("мобилизцаия" → "мобилизация").
- Latin letters: a Latin word on a Cyrillic page language is looked up by its skeleton
  (search/translit.py): "povestka" → "повестка", "vidstrochka" → "відстрочка".

The same answers serve both engines: the search node gets the corrected or transliterated
words too (and fuzziness of its own, search/query.py), so "Did you mean …" reads the same.
Built from the pages' text only: readers' queries are never stored.
"""

import re
from collections import Counter

from django.db import DatabaseError, connection
from django.db.models import Q
from django.db.models.functions import Length

from wagtail.models import Locale, Page

from core.lemmas import lemma, searchable_text

from .models import SearchTerm
from .stopwords import base_form
from .translit import is_latin, skeleton

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
MIN_LENGTH = 3
MAX_LENGTH = 60
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be"})
# Prefixes that turn a word into its opposite: "illegal" is two edits from "legal" but no
# typo of it; offered as "Did you mean", the correction would reverse the reader's question.
# Only two-letter ones: a correction is at most two edits, so longer ones ("non", "без")
# never come within reach.
NEGATING_PREFIXES = {
    "en": ("un", "in", "il", "im", "ir"),
    "de": ("un", "in", "il", "im", "ir"),
    "ru": ("не",),
    "uk": ("не",),
    "be": ("не",),
}


def text_words(text):
    """The distinct lower-case words of `text` worth keeping (letters only, 3–60 long)."""
    found = set()
    for word in _WORD.findall(text or ""):
        low = word.lower()
        if MIN_LENGTH <= len(low) <= MAX_LENGTH:
            found.add(low)
            if "-" in low:  # "военно-врачебная": its parts are words too
                found.update(p for p in low.split("-") if len(p) >= MIN_LENGTH)
    return found


def page_words(page):
    return text_words(f"{page.title} {searchable_text(page)}")


def _terms(language, counts):
    return [
        SearchTerm(
            language=language,
            word=word,
            lemma=lemma(word, language)[:MAX_LENGTH],
            skeleton=skeleton(word),
            pages=count,
        )
        for word, count in counts.items()
    ]


def add_page(page):
    """Add the words of a page just published. Words of pages unpublished, deleted or put
    behind a password since stay until the next rebuild; `on_public_pages` keeps them out of
    corrections."""
    language = page.locale.language_code
    terms = _terms(language, dict.fromkeys(page_words(page.specific), 1))
    SearchTerm.objects.bulk_create(terms, ignore_conflicts=True, batch_size=500)


def rebuild(languages=None, log=None):
    """Rebuild the vocabulary of `languages` (default: all) from the live pages."""
    totals = {}
    for locale in Locale.objects.all():
        language = locale.language_code
        if languages and language not in languages:
            continue
        counts = Counter()
        pages = Page.objects.live().public().filter(locale=locale).specific().iterator(200)
        for page in pages:
            counts.update(page_words(page))
        SearchTerm.objects.filter(language=language).delete()
        SearchTerm.objects.bulk_create(_terms(language, counts), batch_size=1000)
        totals[language] = len(counts)
        if log:
            log(f"{language}: {len(counts)} words")
    return totals


def known_words(words, language):
    """The words of `words` (lower case) that some page uses in some form."""
    forms = {}
    for word in words:
        # "deser", stemmed to the article "des", is a beginning, not a known word.
        for form in {word, base_form(word, language)}:
            forms.setdefault(form, set()).add(word)
    rows = SearchTerm.objects.filter(language=language).filter(
        Q(word__in=forms) | Q(lemma__in=forms)
    )
    known = set()
    for word, base in rows.values_list("word", "lemma"):
        known.update(forms.get(word, ()))
        known.update(forms.get(base, ()))
    return known


def _without_ending(key):
    # The vowels a case ending leaves in a skeleton: "povestka", "povestki", "povestku".
    return key.rstrip("aeiou")


def by_skeleton(word, language, limit=3):
    """Words of `language` spelt like the Latin `word` (or like it but for a vowel ending:
    "vidstrochka" finds "відстрочки" when no page has "відстрочка"), most used first."""
    key = skeleton(word)
    if len(key) < MIN_LENGTH:
        return []
    terms = SearchTerm.objects.filter(language=language).order_by("-pages", "word")
    rows = list(terms.filter(skeleton=key).values_list("word", flat=True)[:limit])
    stem = _without_ending(key)
    if not rows and len(stem) >= 4:
        candidates = terms.filter(skeleton__startswith=stem).values_list("word", "skeleton")
        rows = [w for w, k in candidates[:200] if _without_ending(k) == stem][:limit]
    return rows


# A word typed half ("мобіл", "summ", "Einber": a phone's keyboard, a hurry) is completed to
# the most used word it starts, rather than "corrected" to a short word a letter or two away
# ("einer"). Shorter beginnings say too little ("summ": summary, summons, summarises).
MIN_COMPLETED = 5


# Only offered, never searched for: a query of such beginnings that found nothing ("asy").
MIN_OFFERED = 3
COMPLETION_ROWS = 2000  # the most used words of a short beginning ("про") are enough


def completion(word, language, minimum=MIN_COMPLETED):
    """The most used word of `language` that starts with `word` and is longer, or None.
    A Latin word on a Cyrillic language is compared by skeleton ("mobil" → мобилизация)."""
    word = word.lower()
    latin = is_latin(word) and language in CYRILLIC_LANGUAGES
    value = skeleton(word) if latin else word
    if len(value) < minimum:
        return None
    column = "skeleton" if latin else "word"
    terms = SearchTerm.objects.filter(language=language, **{f"{column}__startswith": value})
    terms = terms.exclude(**{column: value}).order_by("-pages", "word")
    # Counted per base form, all its forms together: a word pages write in many forms
    # (мобилизация, мобилизации, мобилизацию) before one they write often in one form.
    families = {}
    for word, base, pages in terms.values_list("word", "lemma", "pages")[:COMPLETION_ROWS]:
        family = families.setdefault(base, [0, word])
        family[0] += pages
    if not families:
        return None
    return max(families.values(), key=lambda f: f[0])[1]


def on_public_pages(word, language):
    """Whether a live page anyone may read uses `word` now (the database index, kept up to
    date with every publish, and the view restrictions as they are). The vocabulary may
    still hold the words of a page unpublished or made private since its last rebuild:
    offered as "Did you mean", they would show its text to anyone who guesses close to
    them."""
    from core.privacy import public_for_search

    from . import routing

    name = routing.FALLBACK if routing.has_fallback() else "default"
    if not routing.uses_database(name):
        return False  # no database index to ask: offer no correction rather than a leak
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return False
    pages = public_for_search(Page.objects.live().filter(locale=locale))
    found = pages.search(word, backend=name, operator="and", order_by_relevance=False)
    try:
        # Counted, not the first one fetched: the backend orders by id, and for ORDER BY
        # with LIMIT 1 PostgreSQL walked the locale's pages testing each against every
        # matching index entry (1.0-1.5 s for "legal" on the bench corpus; counted: ms).
        return found.count() > 0
    except DatabaseError:  # the search page answers anyway: without the correction
        return False


def negates(typed, candidate, language, *, latin=False):
    """Whether `candidate` would add or take away a negating prefix of what the reader
    typed: the word with the prefix is as close to `typed` as `candidate` ("ilegal" is one
    edit from "illegal" as from "legal"), or `candidate` without it is closer ("lawful",
    "unlawful"). `latin`: both are skeletons (search/translit.py), "nezakoni" for
    "nezakonny"."""
    prefixes = NEGATING_PREFIXES.get(language, ())
    if latin:
        prefixes = tuple(skeleton(prefix) for prefix in prefixes)
    edits = distance(typed, candidate, 3)
    for prefix in prefixes:
        if distance(typed, prefix + candidate, 3) <= edits:
            return True
        if candidate.startswith(prefix) and distance(typed, candidate[len(prefix) :], 3) < edits:
            return True
    return False


def max_edits(word):
    return 1 if len(word) <= 5 else 2


def distance(a, b, limit):
    """Optimal string alignment distance (a swap of two letters is one edit), or limit + 1
    once it is certain to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _candidates(column, value, language):
    """(word, value of `column`, pages) rows that may be within two edits of `value`."""
    if connection.vendor == "postgresql":
        table = SearchTerm._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, {column}, pages FROM {table} "  # noqa: S608 (fixed names)
                f"WHERE language = %s AND {column} %% %s "
                f"ORDER BY similarity({column}, %s) DESC, pages DESC LIMIT 50",
                [language, value, value],
            )
            return cursor.fetchall()
    length = len(value)
    rows = (
        SearchTerm.objects.filter(language=language)
        .annotate(length=Length(column))
        .filter(length__gte=length - 2, length__lte=length + 2)
        .filter(
            Q(**{f"{column}__startswith": value[0]}) | Q(**{f"{column}__startswith": value[1:2]})
        )
        .values_list("word", column, "pages")
    )
    return list(rows[:20000])


def nearest(word, language):
    """The word of `language` closest to `word` (a typo), or None: fewest edits, then the
    most used. A Latin word on a Cyrillic language is compared by skeleton."""
    word = word.lower()
    latin = is_latin(word) and language in CYRILLIC_LANGUAGES
    value = skeleton(word) if latin else word
    if len(value) < 4:
        return None  # too short to guess from
    column = "skeleton" if latin else "word"
    limit = max_edits(value)
    best = None
    for candidate, compared, pages in _candidates(column, value, language):
        if compared == value and not latin:
            continue
        edits = distance(value, compared, limit)
        if edits <= limit and not negates(value, compared.lower(), language, latin=latin):
            key = (edits, -pages, candidate)
            if best is None or key < best[0]:
                best = (key, candidate)
    return best[1] if best else None
