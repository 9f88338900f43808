"""Decisions asked for by their case number ("12 B 17/23", "C-472/13", "C-472").

A case number is a run of short parts that other decisions share ("12 B 18/23" differs in
one digit), so the engines' word scores put profiles that mention "12" and "23" first. As a
rule asked for by its article number, the decision whose case number the reader typed
comes first; a lookup in the database, the same on every engine.
"""

import re

from core.content_cache import content_lookup
from knowledge.models import DecisionPage

_PART = re.compile(r"\w+", re.UNICODE)


def parts(text):
    """ "C-472/13" → ("c", "472", "13"): the query's cleaning keeps the same words."""
    return tuple(w.lower() for w in _PART.findall(text or ""))


def _contains(longer, shorter):
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


@content_lookup("search-case-numbers")
def _case_numbers(locale):
    """[(page id, parts of one case number)] of the live, public decisions of `locale`."""
    rows = (
        DecisionPage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(case_number="")
        .values_list("pk", "case_number")
    )
    return [
        (pk, parts(number))
        for pk, numbers in rows
        for number in numbers.split(";")
        if parts(number)
    ]


def decisions_with_case_number(cleaned, locale):
    """Ids of the decisions whose case number the query has, or that the query is a piece of
    with a number in it (two parts at least: "C-472", not "472", which may be an article)."""
    typed = parts(cleaned)
    if not any(p.isdigit() for p in typed):
        return []
    numbers = _case_numbers(locale)
    found = []
    for pk, number in numbers:
        wanted = _contains(typed, number) or (len(typed) >= 2 and _contains(number, typed))
        if wanted and pk not in found:
            found.append(pk)
    return found
