"""On PostgreSQL, the database search can use an index: Wagtail's query matches
`title || body`, which only the index of search/migrations/0002 serves (without it every
search reads every index entry: 180 ms at 11,000 pages, see docs/benchmarks.md)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

import pytest

from search import routing
from search.views import search_locale

INDEX = "search_indexentry_title_body_gin"
MATCHED = '"wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body"'
EXPLAIN_MATCH = (
    "EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE "
    '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") '
    "@@ to_tsquery('objection')"
)


def postgresql_search_sql(query):
    """The SQL of the database search for `query` in English (skips off PostgreSQL)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (SQLite searches with FTS5): CI's PostgreSQL pass")
    if not routing.uses_database(routing.backend_name_for("en")):
        pytest.skip("the search node answers searches here: CI's PostgreSQL pass")
    with CaptureQueriesContext(connection) as queries:
        found = search_locale(query, Locale.objects.get(language_code="en"))
    assert found.pages, f"the demo content has pages for {query!r}"
    return next(q["sql"] for q in queries.captured_queries if "@@" in q["sql"])


@pytest.mark.django_db
def test_database_search_on_postgresql_uses_the_text_index(demo_content):
    search_sql = postgresql_search_sql("conscientious objection")
    # Wagtail matches the concatenation (if it changed that, the index would serve nothing)...
    assert f"({MATCHED}) @@" in search_sql
    # ...and that expression has its index, which PostgreSQL can use for a match.
    with connection.cursor() as cursor:
        # The demo has few entries, so the planner would rightly read them all; forbid
        # that to see whether the index can serve the match at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(EXPLAIN_MATCH)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan, plan


@pytest.mark.django_db
def test_a_word_with_alternatives_does_not_free_the_other_words(demo_content):
    """And(x, "a" or "b") needs x on every database: SQLite's FTS5 read Wagtail's `"x" AND
    "a" OR "b"` as `("x" AND "a") OR "b"` (search/database.py)."""
    from wagtail.search.query import And, PlainText

    if not routing.uses_database(routing.backend_name_for("en")):
        pytest.skip("the search node answers searches here: the database passes test it")
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))
    either = PlainText("desert asylum", operator="or")
    with_either = {p.pk for p in pages.search(either, backend="default")}
    both = {
        p.pk for p in pages.search(And([PlainText("zivildienstkwazi"), either]), backend="default")
    }
    assert with_either, "the demo has pages with those words"
    assert both == set(), "no page has the made-up word, so none has both"


@pytest.mark.django_db
def test_postgresql_search_does_not_select_the_matched_vectors(demo_content):
    """Wagtail's compiler filters on `title || body` through an annotation, which also made
    PostgreSQL build that vector for every matching row before sorting (115 of 196 ms for a
    word 3,600 pages use). The match stays in WHERE; the SELECT list leaves it out."""
    search_sql = postgresql_search_sql("conscientious objection")
    select_list, _, where = search_sql.partition(" FROM ")
    assert MATCHED not in select_list and "_vector_" not in select_list
    assert f"({MATCHED}) @@" in where


@pytest.mark.django_db
def test_postgresql_ranks_each_vector_once_with_a_query_made_once(demo_content):
    """modelsearch ranked every leaf of the query on its own, each `to_tsquery` parsed again
    per row: a word with four synonyms made eight `ts_rank` calls per matching row (277 ms for
    4,200 pages, search/database.py). One call per vector (title, body) over all the words,
    the query an uncorrelated subquery PostgreSQL computes once."""
    # Three concepts, one with synonyms ("AWOL", "absence without leave", …).
    search_sql = postgresql_search_sql("awol desertion penalty")
    _, _, order_by = search_sql.partition(" ORDER BY ")
    assert order_by.count("ts_rank(") == 2, order_by
    assert order_by.count("(SELECT ") == 2, order_by
    # Every word is ranked: the rank's query has the synonyms' words too.
    assert "'absenc'" in order_by and "'awol'" in order_by, order_by  # stems, as indexed
