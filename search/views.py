import logging
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render

from wagtail.models import Locale, Page

from .query import clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search of the live pages in the reader's language."""
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    results = Page.objects.none()
    failed = False
    if query:
        try:
            results = list(
                Page.objects.live().filter(locale=Locale.get_active()).specific().search(query)
            )
        except DatabaseError:
            # Never an error page for a reader: log it, say so, show nothing.
            logger.exception("Search failed")
            failed = True
            results = []
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "raw_query_changed": bool(raw_query.strip()) and query != raw_query.strip(),
            "search_results": page,
            "search_failed": failed,
            "pager_querystring": urlencode({"q": query}),
        },
    )
