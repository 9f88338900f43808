"""Suggestions while a reader types: page titles and rule headings in their language with
words that begin like each typed word, wherever the word is in the title ("повест" offers
"Что будет, если я проигнорирую электронную повестку?", "desert" the rule "Desertion").

Read from the database (titles and headings of one language, kept with the other published
lookups), so they are the same on every engine and never wait for the search node. Latin
letters on a Cyrillic language are compared by skeleton (search/translit.py): "povest" offers
the same titles.
"""

from wagtail.models import Page

from core.content_cache import content_lookup
from core.lemmas import fold, words
from knowledge.models import DecisionPage, LegalRule

from .translit import is_latin, skeleton
from .vocabulary import CYRILLIC_LANGUAGES

KNOWLEDGE = ("knowledge.countryprofilepage", "knowledge.guidepage")
DECISION = "knowledge.decisionpage"


def _entries(locale):
    """[(kind, page id, anchor, title, folded words, skeletons)] of one language."""
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    rows = pages.values_list("pk", "title", "content_type__app_label", "content_type__model")
    # A decision is completed by its case number too ("C-472" → the Shepherd judgment).
    case_numbers = dict(DecisionPage.objects.filter(locale=locale).values_list("pk", "case_number"))
    entries = []
    for pk, title, app, model in rows:
        kind = f"{app}.{model}"
        title_words, skeletons = _word_keys(title)
        if case_numbers.get(pk):
            more_words, more_skeletons = _word_keys(case_numbers[pk])
            title_words, skeletons = title_words + more_words, skeletons + more_skeletons
        entries.append((kind, pk, "", title, title_words, skeletons))
    rules = LegalRule.objects.filter(locale=locale, profile__in=pages).values_list(
        "profile_id", "translation_key", "heading"
    )
    for profile_id, key, heading in rules:
        entries.append(
            ("knowledge.legalrule", profile_id, f"rule-{key}", heading, *_word_keys(heading))
        )
    return entries


def _word_keys(text):
    found = [fold(w) for w in words(text)]
    return tuple(found), tuple(skeleton(w) for w in found)


@content_lookup("search-suggestions")
def entries(locale):
    return _entries(locale)


def _matches(typed, title_words, title_skeletons, latin):
    for word in typed:
        keys = title_skeletons if latin else title_words
        wanted = skeleton(word) if latin else fold(word)
        if not wanted or not any(k.startswith(wanted) for k in keys):
            return False
    return True


def suggest(cleaned, locale, limit):
    typed = [w for w in cleaned.split() if len(w) >= 2] or cleaned.split()
    latin = locale.language_code in CYRILLIC_LANGUAGES and all(is_latin(w) for w in typed)
    chosen = []
    for kind, pk, anchor, title, title_words, title_skeletons in entries(locale):
        if _matches(typed, title_words, title_skeletons, latin):
            first = title_words[:1] and (
                title_skeletons[0] if latin else title_words[0]
            ).startswith(skeleton(typed[0]) if latin else fold(typed[0]))
            weight = 0 if kind == "knowledge.legalrule" or kind in KNOWLEDGE else 1
            # Decisions' titles are sentences naming courts and countries that would crowd
            # out the profiles and guides: they come after every other title.
            chosen.append(((kind == DECISION, not first, weight, len(title)), pk, anchor, title))
    chosen.sort(key=lambda c: c[0])
    pages = Page.objects.in_bulk([pk for _key, pk, _a, _t in chosen[:limit]])
    found = []
    for _key, pk, anchor, title in chosen[:limit]:
        page = pages.get(pk)
        if page is not None:
            url = page.get_url()
            found.append({"title": title, "url": f"{url}#{anchor}" if anchor else url})
    return found
