"""`?search=` for the Wagtail API v2, with the search page's query cleaning, language
backends, breaker and database fallback (stock Wagtail answers a raw `"` on SQLite with a
500)."""

import logging

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from . import engines, node
from .query import build_query, clean_query

logger = logging.getLogger(__name__)


class CleanSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        cleaned = clean_query(request.GET["search"])
        if not cleaned:
            return queryset.none()
        language = request.GET.get("locale", "")
        name = engines.backend_name_for(language)
        on_node = not engines.uses_database(name)
        # The node once per request at most, and not while its breaker is open (search/node.py).
        names = [name] if not on_node or node.available() else []
        if on_node and engines.has_fallback():
            names.append(engines.FALLBACK)
        order_by_relevance = "order" not in request.GET
        for backend_name in names:
            query = build_query(
                cleaned, language or "en", database=engines.uses_database(backend_name)
            )
            try:
                results = queryset.search(
                    query, backend=backend_name, order_by_relevance=order_by_relevance
                )
                results.count()  # reach the backend here, where a failure can fall back
            except Exception as error:
                if backend_name == name and on_node:
                    node.record_failure(error)
                logger.warning(
                    "API search failed on the %r backend: %s", backend_name, node.describe(error)
                )
                continue
            if getattr(results, "answered_by_fallback", False):
                continue  # the node failed: the fallback, with the database's query
            return results
        raise BadRequestError("search is not available at the moment")


class PagesSearchAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CleanSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
