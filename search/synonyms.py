"""Editors' synonyms (the SearchSynonym snippet) applied to a query, on every engine.

A query that contains one of a group's terms (in any inflected form: matched on base forms)
is searched for any of the group's terms: "ВВК" finds "военно-врачебная комиссия",
"уклонист" finds "уклоняющийся от призыва", "AWOL" finds "absence without leave". Applied to
the query, not to the index, so an edit works at once, on the database and on the node,
without rebuilding anything.
"""

from dataclasses import dataclass

from core.content_cache import content_lookup
from core.lemmas import lemma, tokens, words

from .stopwords import is_stop_word
from .translit import is_latin, skeleton

# A group's size and a term's length as the admin form allows them (search/forms.py); the
# search reads no more of a group saved before the limits, or by a way round the form.
MAX_TERMS = 40
MAX_TERM_WORDS = 8
MAX_TERM_LENGTH = 100


@dataclass(frozen=True)
class Match:
    start: int  # index of the first query word the term covers
    end: int  # one past the last
    terms: tuple  # every term of the group, as typed by editors
    country: str = ""  # the code of the country readers mean with these words, if one
    broad: bool = False  # words nearly every page is about: searched only when alone


@dataclass(frozen=True)
class Group:
    terms: tuple  # as typed by editors
    forms: list  # [[forms of each word] of each term], worked out once
    country: str = ""
    broad: bool = False


@content_lookup("search-synonym-sets")
def groups(language):
    """The synonym groups of `language` ([Group]), kept with the other published lookups."""
    return _load(language)


def _load(language):
    from .models import SearchSynonym

    rows = (
        SearchSynonym.objects.filter(locale__language_code=language)
        .only("terms", "country", "broad")
        .order_by("pk")
    )
    loaded = []
    for row in rows:
        terms = searchable_terms(row.term_list(), language)
        if len(terms) > 1:
            forms = [[_forms(w, language) for w in words(term)] for term in terms]
            loaded.append(Group(tuple(terms), forms, row.country, row.broad))
    return loaded


def split_terms(text):
    """The terms of a group's text as editors wrote them, one per line or comma."""
    return [t.strip() for line in text.splitlines() for t in line.split(",") if t.strip()]


def searchable_terms(terms, language):
    """The terms as the engines are asked for them: their words only (a quote or bracket
    is query syntax to SQLite and the node), within the limits, without terms of small words
    alone ("той" of "той, хто ухиляється", "the": they would match nearly every page)."""
    kept = []
    for term in terms[:MAX_TERMS]:
        term_words = tokens(term[:MAX_TERM_LENGTH])[:MAX_TERM_WORDS]
        if term_words and not all(is_stop_word(w, language) for w in term_words):
            kept.append(" ".join(term_words))
    return list(dict.fromkeys(kept))


def _forms(word, language, query=False):
    """What a word may be matched by: itself and its base form, and for a Latin word on a
    Cyrillic language its skeleton ("uklonist" meets "уклонист", search/translit.py)."""
    low = word.lower()
    if query and is_latin(low) and language in ("ru", "uk", "be"):
        return {low, skeleton(low)}
    forms = {low, lemma(low, language)}
    if not query and language in ("ru", "uk", "be"):
        forms.add(skeleton(low))
    return forms


def find(query_words, language, synonym_groups=None):
    """[Match] for the groups whose terms occur in `query_words`, longest first, not
    overlapping."""
    synonym_groups = groups(language) if synonym_groups is None else synonym_groups
    if not synonym_groups or not query_words:
        return []
    query_forms = [_forms(w, language, query=True) for w in query_words]
    found = []
    for group in synonym_groups:
        for term_forms in group.forms:
            n = len(term_forms)
            if not n:
                continue
            for start in range(len(query_words) - n + 1):
                if all(term_forms[k] & query_forms[start + k] for k in range(n)):
                    found.append(Match(start, start + n, group.terms, group.country, group.broad))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken, chosen = set(), []
    for match in found:
        span = set(range(match.start, match.end))
        if not span & taken:
            taken |= span
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def completion(beginning, language):
    """The first one-word term of the editors' groups that starts with `beginning` and is
    longer, or None: "fahn" is Fahnenflucht, the readers' word the editors listed, though
    no page writes it ("Fahndung" does)."""
    low = beginning.lower()
    for group in groups(language):
        for term in group.terms:
            word = term.lower()
            if word.startswith(low) and len(word) > len(low) and _offerable(word):
                return term
    return None


# Offered in the site's voice ("Did you mean"): one word of a usual length, not a sentence
# joined by hyphens ("мобилизация-отменена-повестки-можно-игнорировать").
MAX_OFFERED_LENGTH = 30


def _offerable(word):
    return " " not in word and word.count("-") <= 1 and len(word) <= MAX_OFFERED_LENGTH
