"""`?search=` for the Wagtail API v2, with the search page's query cleaning, language
backends, breaker and database fallback (stock Wagtail answers a raw `"` on SQLite with a
500)."""

import logging

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from . import cases, node, routing, rules
from .query import clean_query, compile_query
from .understand import understand

logger = logging.getLogger(__name__)


class CleanSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        raw = request.GET["search"]
        cleaned = clean_query(raw)
        if not cleaned:
            return queryset.none()
        language = request.GET.get("locale", "")
        understood = understand(cleaned, language or "en", raw=raw)
        if understood.articles and not understood.concepts:
            # "ст. 337": the profiles with a rule of that article (search/rules.py).
            locales = (
                Locale.objects.filter(language_code=language) if language else Locale.objects.all()
            )
            ids = {
                hit.profile.pk
                for locale in locales
                for hit in rules.rules_with_articles(understood.articles, locale)
            }
            return queryset.filter(pk__in=ids)
        locales = (
            Locale.objects.filter(language_code=language) if language else Locale.objects.all()
        )
        by_case = [
            pk for locale in locales for pk in cases.decisions_with_case_number(cleaned, locale)
        ]
        if by_case:
            # "12 B 17/23": that decision (search/cases.py), not the pages sharing its digits.
            return queryset.filter(pk__in=by_case)
        name = routing.backend_name_for(language)
        on_node = not routing.uses_database(name)
        # The node once per request at most, and not while its breaker is open (search/node.py).
        names = [name] if not on_node or node.available() else []
        if on_node and routing.has_fallback():
            names.append(routing.FALLBACK)
        order_by_relevance = "order" not in request.GET
        for backend_name in names:
            database = routing.uses_database(backend_name)
            query = compile_query(understood, database=database) or compile_query(
                understood, database=database, operator="or"
            )
            if query is None:
                return queryset.none()
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
            wider = compile_query(understood, database=database, operator="or")
            if not results.count() and wider is not None:
                # Like the search page: pages with some of the words rather than none. (An
                # empty answer only here would also tell which word some page once had.)
                results = queryset.search(
                    wider, backend=backend_name, order_by_relevance=order_by_relevance
                )
            return results
        raise BadRequestError("search is not available at the moment")


class PagesSearchAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CleanSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
