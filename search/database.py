"""The database search backend ("search.database"): Wagtail's, with alternatives grouped on
SQLite.

Wagtail's SQLite compiler (django-modelsearch) writes a PlainText of several words with
operator "or" as `"a" OR "b"` without parentheses, so `And(PlainText("x"), PlainText("a b",
operator="or"))` reaches FTS5 as `"x" AND "a" OR "b"`, which FTS5 reads as `("x" AND "a") OR
"b"`: every page with "b" matches although it lacks "x". The search asks exactly that (a
concept's alternatives in one PlainText, search/query.py), so on SQLite the words a reader
typed stopped being required once a synonym or another form was among the alternatives.
The PostgreSQL compiler groups them already; there the stock backend is used unchanged.
"""

from functools import cache

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


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = _stock_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _grouped_backend_class()(params)
    return backend
