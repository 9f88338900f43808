"""Relevance measured on the demo content: recall@5 and MRR of the relevance set, per
engine (the suite runs once per engine in CI: SQLite, PostgreSQL, the search node)."""

from django.db import connection

from wagtail.models import Locale

import pytest

from search import engines
from search.views import search_locale

from .search_relevance import RELEVANCE_SET, score

# Floors set from the measurements in docs/search-engine.md, a little below them so that
# a regression fails and noise does not.
FLOORS = {
    "database": {"recall@5": 0.85, "mrr": 0.85},
    "engine": {"recall@5": 0.85, "mrr": 0.85},
}


def engine_label():
    name = engines.backend_name_for("en")
    if engines.uses_database(name):
        return "database", f"database backend on {connection.vendor}"
    return "engine", f"search node ({engines.configured()[name]['BACKEND'].rsplit('.', 1)[1]})"


def run_relevance_set():
    rows = []
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for language, query, expected in RELEVANCE_SET:
        found = search_locale(query, locales[language])
        assert not found.failed and not found.degraded, (language, query)
        slugs = [page.slug for page in found.pages]
        recall, reciprocal_rank = score(slugs, expected)
        rows.append((language, query, recall, reciprocal_rank, slugs[:5]))
    return rows


@pytest.mark.django_db
def test_relevance_set_meets_the_floor(demo_content, capsys):
    kind, label = engine_label()
    rows = run_relevance_set()
    recall = sum(r[2] for r in rows) / len(rows)
    mrr = sum(r[3] for r in rows) / len(rows)
    misses = [(lang, q, top) for lang, q, rec, _rr, top in rows if rec < 1]
    with capsys.disabled():
        print(
            f"\nSearch relevance, {label}: {len(rows)} queries, "
            f"recall@5 = {recall:.3f}, MRR = {mrr:.3f}"
        )
        for lang, query, top in misses:
            print(f"  incomplete: [{lang}] {query!r} → top 5: {top}")
    assert len(rows) >= 40
    assert recall >= FLOORS[kind]["recall@5"], misses
    assert mrr >= FLOORS[kind]["mrr"], misses
