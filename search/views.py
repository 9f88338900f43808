import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render

from wagtail.models import Locale, Page

from .query import clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# With a search node configured, settings add this database backend so that search
# keeps working (without stemming) while the node is unreachable.
FALLBACK_BACKEND = "fallback"


def _search(query, locale, backend="default"):
    pages = Page.objects.live().filter(locale=locale).specific()
    return list(pages.search(query, backend=backend))


def search(request):
    """Full-text search of the live pages in the reader's language."""
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    results = []
    failed = degraded = False
    if query:
        locale = Locale.get_active()
        try:
            results = _search(query, locale)
        except Exception:  # the engine is down or refused the query: never an error page
            logger.exception("Search failed on the default backend")
            if FALLBACK_BACKEND in settings.WAGTAILSEARCH_BACKENDS:
                try:
                    results, degraded = _search(query, locale, FALLBACK_BACKEND), True
                except DatabaseError:
                    logger.exception("Search failed on the fallback backend")
                    failed = True
            else:
                failed = True
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "raw_query_changed": bool(raw_query.strip()) and query != raw_query.strip(),
            "search_results": page,
            "search_failed": failed,
            "search_degraded": degraded,
            "pager_querystring": urlencode({"q": query}),
        },
    )
