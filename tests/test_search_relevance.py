"""Relevance measured on the demo content: recall@1, recall@5 and MRR of the relevance set
(tests/search_relevance.py), per engine, language and kind. The suite runs once per engine
in CI (SQLite, PostgreSQL, the search node), so each engine must reach the floor."""

from django.db import connection

from wagtail.models import Locale

import pytest

from knowledge.models import LegalRule
from search import routing
from search.query import clean_query
from search.results import Hit
from search.views import search_locale

from .search_relevance import RELEVANCE_SET, averages, report, score

# The aim for both engines; MRR keeps the answer near the top, not only in the five.
FLOORS = {"recall@5": 0.95, "rr": 0.75}


def engine_label():
    name = routing.backend_name_for("en")
    if routing.uses_database(name):
        return f"database backend on {connection.vendor}"
    return f"search node ({routing.configured()[name]['BACKEND'].rsplit('.', 1)[1]})"


def result_ids(items, english_headings):
    ids = []
    for item in items:
        if isinstance(item, Hit):
            ids.append(item.page.slug)
        else:
            heading = english_headings.get(item.rule.translation_key, item.rule.heading)
            ids.append(f"{item.profile.slug}#{heading}")
    return ids


def run_relevance_set():
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    english_headings = dict(
        LegalRule.objects.filter(locale__language_code="en").values_list(
            "translation_key", "heading"
        )
    )
    rows = []
    for language, kind, query, expected in RELEVANCE_SET:
        found = search_locale(clean_query(query), locales[language], raw=query)
        assert not found.failed and not found.degraded, (language, query)
        ids = result_ids(found.items, english_headings)
        rows.append(
            {
                "language": language,
                "kind": kind,
                "query": query,
                "expected": expected,
                "top": ids[:5],
                **score(ids, expected),
            }
        )
    return rows


def test_the_set_is_large_and_varied():
    assert len(RELEVANCE_SET) >= 150
    languages = {row[0] for row in RELEVANCE_SET}
    kinds = {row[1] for row in RELEVANCE_SET}
    assert languages == {"en", "de", "ru", "uk", "be"}
    assert {"question", "typo", "latin", "synonym", "article", "inflection"} <= kinds
    queries = [(row[0], row[2].lower()) for row in RELEVANCE_SET]
    assert len(set(queries)) == len(queries), "each query once"


@pytest.mark.django_db
def test_relevance_set_meets_the_floor(demo_content, capsys):
    rows = run_relevance_set()
    totals = averages(rows)
    misses = [r for r in rows if r["recall@5"] < 1]
    with capsys.disabled():
        print(f"\nSearch relevance, {engine_label()}:")
        for line in report(rows):
            print("  " + line)
        for r in misses:
            print(f"  missed: [{r['language']}/{r['kind']}] {r['query']!r} → {r['top']}")
    assert totals["recall@5"] >= FLOORS["recall@5"], [(m["query"], m["top"]) for m in misses]
    assert totals["rr"] >= FLOORS["rr"]
