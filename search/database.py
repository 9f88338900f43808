"""The database search backend ("search.database"): Wagtail's, with alternatives grouped on
SQLite and without a needless column on PostgreSQL.

Wagtail's SQLite compiler (django-modelsearch) writes a PlainText of several words with
operator "or" as `"a" OR "b"` without parentheses, so `And(PlainText("x"), PlainText("a b",
operator="or"))` reaches FTS5 as `"x" AND "a" OR "b"`, which FTS5 reads as `("x" AND "a") OR
"b"`: every page with "b" matches although it lacks "x". The search asks exactly that (a
concept's alternatives in one PlainText, search/query.py), so on SQLite the words a reader
typed stopped being required once a synonym or another form was among the alternatives.
The PostgreSQL compiler groups them already.

On PostgreSQL the compiler filters on `title || body` through an annotation, so the query
also selects that concatenated vector for every matching row before sorting them: for a
word 3,600 pages have, 115 of the query's 196 ms went into building vectors nobody reads.
The column is left out of the SELECT there (the WHERE clause keeps the expression).

PostgreSQL also ranked each leaf of the query on its own: `ts_rank` over the title and the
body once per alternative and concept, averaged and multiplied, and each call with a
`to_tsquery` that PostgreSQL parses again for every row (it is only STABLE). "уклонист" (one
concept, four synonyms, 4,200 matching pages) made eight such calls per row: 277 ms. Here
each vector gets one `ts_rank` over all the query's words, with the query made once per
search (`Once`): 122 ms. The signals are the same (pages with more of the words, more
often and in the title, first), and the relevance set scores as before or better
(docs/search-engine.md). The WHERE clause, which decides what matches, is unchanged.
"""

import operator
from functools import cache, reduce

from django.db import connection

from modelsearch.backends.database import SearchBackend as _stock_backend


@cache
def _grouped_backend_class():
    # Imported here: the SQLite modules read the app registry on import.
    from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryField
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import PlainText

    class Grouped(LexemeCombinable):
        _output_field = SearchQueryField()

        def __init__(self, inner):
            super().__init__(output_field=SearchQueryField())
            self.inner = inner

        def as_sql(self, compiler, connection):
            sql, params = compiler.compile(self.inner)
            return "%s", [f"({sql % tuple(params)})"]

    class GroupingMixin:
        def build_search_query_content(self, query, config=None):
            built = super().build_search_query_content(query, config=config)
            if isinstance(query, PlainText) and len(query.query_string.split()) > 1:
                built.value = Grouped(built.value)
            return built

    class QueryCompiler(GroupingMixin, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(GroupingMixin, SQLiteAutocompleteQueryCompiler):
        pass

    class Backend(SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return Backend


# The annotation modelsearch's PostgreSQL compiler filters on (PostgresSearchQueryCompiler.search).
_VECTOR = "_vector_"


@cache
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQueryField, SearchRank
    from django.db.models import Func

    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import Not, Or, Phrase, PlainText

    def leaves(query):
        """The words and phrases of a query tree (the words to leave out are not ranked)."""
        if isinstance(query, PlainText | Phrase):
            yield query
        elif not isinstance(query, Not):
            for child in getattr(query, "subqueries", ()) or [getattr(query, "subquery", None)]:
                if child is not None:
                    yield from leaves(child)

    class Once(Func):
        """The query for `ts_rank`, made once per search: `to_tsquery` is only STABLE, so
        PostgreSQL parses and combines its text again for every row it ranks (a third of
        the ranking's time) unless it is an uncorrelated subquery."""

        template = "(SELECT %(expressions)s)"
        output_field = SearchQueryField()

    class SingleRankMixin:
        def _build_rank_expression(self, vectors, config):
            words = list(leaves(self.query))
            if not words:
                return super()._build_rank_expression(vectors, config)
            query = Once(self.build_tsquery(Or(words), config=config))
            return reduce(
                operator.add,
                (
                    SearchRank(vector, query, weights=self.sql_weights) * boost
                    for vector, boost in vectors
                ),
            )

    class UnselectedVectorMixin:
        def _apply_ordering_and_scoring(self, queryset, *args, **kwargs):
            selected = set(queryset.query.annotation_select)
            if _VECTOR in selected:
                queryset = queryset.all()
                queryset.query.set_annotation_mask(selected - {_VECTOR})
            return super()._apply_ordering_and_scoring(queryset, *args, **kwargs)

    class QueryCompiler(SingleRankMixin, UnselectedVectorMixin, PostgresSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(UnselectedVectorMixin, PostgresAutocompleteQueryCompiler):
        pass

    class Backend(PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return Backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = _stock_backend(params)
    name = type(backend).__name__
    if connection.vendor == "sqlite" and name == "SQLiteSearchBackend":
        return _grouped_backend_class()(params)
    if connection.vendor == "postgresql" and name == "PostgresSearchBackend":
        return _postgres_backend_class()(params)
    return backend
