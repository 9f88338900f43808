"""The search page: the reader's language first, other languages when it has nothing,
never an error page."""

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.query import Fuzzy
from wagtail.search.utils import normalise_query_string

from website.content_cache import active_locale

from . import engines, node
from .lemmas import query_lemmas
from .query import build_query, clean_query
from .results import describe_hits, facets, make_cards, type_key

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# Hits fetched per search: enough for every filter count on a site of this size, small
# enough to keep a search cheap. Beyond it the reader refines the query.
MAX_HITS = 200
OTHER_LANGUAGE_PREVIEW = 5
SUGGESTIONS = 8


@dataclass
class Found:
    pages: list = field(default_factory=list)
    degraded: bool = False  # answered by the database fallback while the node is down
    failed: bool = False


def _pages(locale):
    # Plain pages: the specific ones (with their bodies) are loaded only for the results
    # shown (`specific_pages`).
    return Page.objects.live().public().filter(locale=locale)


# Section start pages (home, knowledge base, news, campaign) mention every topic in a few
# words, so relevance scoring ranks them high; readers want the page that answers, so
# sections come after content pages with the same words.
SECTION_PAGE_TYPES = (
    "home.homepage",
    "knowledge.knowledgeindexpage",
    "knowledge.decisionindexpage",
    "news.newsindexpage",
    "campaign.campaignindexpage",
)
# Case records (court and authority decisions) come after the pages that explain the law in
# the same words, before the sections; a case number finds its decision anyway, as nothing
# else contains it.
RECORD_PAGE_TYPES = ("knowledge.decisionpage",)


def _tier(page):
    kind = type_key(page)
    return 2 if kind in SECTION_PAGE_TYPES else 1 if kind in RECORD_PAGE_TYPES else 0


def _hits(pages, query, backend_name):
    """Up to MAX_HITS pages. NodeUnavailable when a node backend had to answer from the
    database (search/node_backends): the caller asks the fallback itself, with the query
    made for the database."""
    results = pages.search(query, backend=backend_name)[:MAX_HITS]
    hits = list(results)
    if getattr(results, "answered_by_fallback", False):
        raise node.NodeUnavailable
    return hits


def _run(cleaned, locale, backend_name, *, fuzzy=False):
    pages = _pages(locale)
    if fuzzy:
        return _hits(pages, Fuzzy(cleaned), backend_name)
    database = engines.uses_database(backend_name)
    hits = []
    # Every word first; when no page has them all, pages with some of them, best first.
    for operator in ("and", "or") if len(cleaned.split()) > 1 else ("and",):
        query = build_query(cleaned, locale.language_code, database=database, operator=operator)
        hits = _hits(pages, query, backend_name)
        if hits:
            break
    wanted = query_lemmas(cleaned, locale.language_code)
    return sorted(
        hits,
        key=lambda page: (
            _tier(page),
            # Pages whose title has more of the words (in any form) come first.
            -len(wanted & query_lemmas(page.title, locale.language_code)),
        ),
    )


def search_locale(cleaned, locale, *, fuzzy=False):
    """Live pages of `locale` matching `cleaned`, best first; falls back to the database.

    The node is asked only while search/node.py allows it: once per request at most, and not
    at all while its breaker is open after a failure.
    """
    name = engines.backend_name_for(locale.language_code)
    if engines.uses_database(name):
        try:
            return Found(_run(cleaned, locale, name))
        except Exception as error:  # never an error page
            logger.warning("Search failed on the %r backend: %s", name, node.describe(error))
            return Found(failed=True)
    if node.available():
        try:
            return Found(_run(cleaned, locale, name, fuzzy=fuzzy))
        except node.NodeUnavailable:
            pass  # the node failed and was noted; the fallback is asked below
        except Exception as error:  # the engine is down or refused the query
            node.record_failure(error)
            logger.warning("Search failed on the %r backend: %s", name, node.describe(error))
    if fuzzy:
        return Found()  # typo tolerance is the node's alone
    if not engines.has_fallback():
        return Found(failed=True)
    try:
        return Found(_run(cleaned, locale, engines.FALLBACK), degraded=True)
    except DatabaseError as error:
        logger.warning("Search failed on the fallback backend: %s", node.describe(error))
        return Found(failed=True)


def promoted(cleaned, locale):
    """Pages editors pinned for this query (Search promotions), in the reader's language.

    Only looked up, never recorded: the site keeps no log of what readers search for.
    """
    query = Query.objects.filter(query_string=normalise_query_string(cleaned)).first()
    if query is None:
        return []
    pages = []
    for pick in query.editors_picks.select_related("page").order_by("sort_order"):
        page = pick.page.get_translation_or_none(locale)
        if page is not None and page.live:
            pages.append((page.specific, pick.description))
    return pages


def other_languages(cleaned, locale):
    """[(language name, number of hits, first cards)] for the other locales with hits."""
    found = []
    for other in Locale.objects.exclude(pk=locale.pk).order_by("language_code"):
        result = search_locale(cleaned, other)
        if result.pages:
            cards = make_cards(
                specific_pages(result.pages[:OTHER_LANGUAGE_PREVIEW]),
                cleaned.split(),
                other.language_code,
                locale,
            )
            name = get_language_info(other.language_code)["name_local"]
            for card in cards:
                card.language_name = name
            found.append(
                {
                    "code": other.language_code,
                    "name": name,
                    "count": len(result.pages),
                    "cards": cards,
                }
            )
    return found


def specific_pages(pages):
    """The specific pages of plain Page hits, in the same order, with their countries
    (a query per page type, instead of one per hit)."""
    pages = list(pages)
    specific = Page.objects.filter(pk__in=[p.pk for p in pages]).specific().in_bulk()
    pages = [specific[p.pk] for p in pages if p.pk in specific]
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for model, group in by_class.items():
        if hasattr(model, "country"):
            prefetch_related_objects(group, "country")
        if hasattr(model, "countries"):
            prefetch_related_objects(group, "countries")
    return pages


def _querystring(**params):
    return urlencode({k: v for k, v in params.items() if v})


def _filter_links(cleaned, filters, type_facets, country_facets):
    """Plain links for the type and country filters, each keeping the other filter."""

    def options(name, facet_rows):
        return [
            {
                "label": label,
                "count": count,
                "url": "?" + _querystring(**{"q": cleaned, **filters, name: key}),
                "active": filters[name] == key,
            }
            for key, label, count in facet_rows
        ]

    return {
        "types": options("type", type_facets),
        "countries": options("country", country_facets),
        "all_types_url": "?" + _querystring(**{"q": cleaned, **filters, "type": ""}),
        "all_countries_url": "?" + _querystring(**{"q": cleaned, **filters, "country": ""}),
    }


def _filter_value(raw, max_length):
    """A filter parameter as codes look ("news.newspage", "UA-OCC"); anything else is ''."""
    value = raw.strip()[:max_length]
    return value if re.fullmatch(r"[A-Za-z0-9._-]*", value) else ""


def search(request):
    """Full-text search of the live pages in the reader's language."""
    raw_query = request.GET.get("q", "")
    cleaned = clean_query(raw_query)
    filters = {
        "type": _filter_value(request.GET.get("type", ""), 60),
        "country": _filter_value(request.GET.get("country", ""), 20),
    }
    locale = active_locale()
    context = {
        "search_query": cleaned,
        "raw_query_changed": bool(raw_query.strip()) and cleaned != raw_query.strip(),
        "filters": filters,
    }
    found = Found()
    pages = []
    if cleaned:
        found = search_locale(cleaned, locale)
        hits = describe_hits(found.pages)
        type_facets, country_facets = facets(hits, locale)
        context["filter_links"] = _filter_links(cleaned, filters, type_facets, country_facets)
        pages = [hit.page for hit in hits if hit.matches(filters["type"], filters["country"])]
        context["promoted"] = promoted(cleaned, locale)
        if not found.pages and not found.failed:
            context["other_languages"] = other_languages(cleaned, locale)
            if (
                not context["other_languages"]
                and not engines.uses_database(engines.backend_name_for(locale.language_code))
                and node.available()
            ):
                # Nothing anywhere: let the engine forgive a typo or two.
                approximate = search_locale(cleaned, locale, fuzzy=True)
                pages = approximate.pages
                context["approximate"] = bool(pages)
    page_obj = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    language = locale.language_code
    context.update(
        {
            "search_results": page_obj,
            "cards": make_cards(
                specific_pages(page_obj.object_list), cleaned.split(), language, locale
            ),
            "result_count": len(pages),
            "search_failed": found.failed,
            "search_degraded": found.degraded,
            "pager_querystring": _querystring(q=cleaned, **filters),
        }
    )
    return render(request, "search/search.html", context)


@require_GET
def suggest(request):
    """Up to SUGGESTIONS page titles that start like the typed text (for autocomplete)."""
    cleaned = clean_query(request.GET.get("q", ""))
    titles = []
    if len(cleaned) >= 2:
        locale = active_locale()
        name = engines.backend_name_for(locale.language_code)
        on_node = not engines.uses_database(name)
        names = [name] if not on_node or node.available() else []
        if on_node and engines.has_fallback():
            names.append(engines.FALLBACK)
        for backend_name in names:
            try:
                pages = Page.objects.live().public().filter(locale=locale)
                hits = list(pages.autocomplete(cleaned, backend=backend_name)[: SUGGESTIONS * 3])
                # Decisions' titles are sentences that would crowd out the profiles and
                # guides; a case number is completed all the same (nothing else has it).
                hits.sort(key=_tier)
                titles = [{"title": p.title, "url": p.get_url(request)} for p in hits[:SUGGESTIONS]]
                break
            except Exception as error:
                if backend_name == name and on_node:
                    node.record_failure(error)
                logger.warning(
                    "Suggestions failed on the %r backend: %s", backend_name, node.describe(error)
                )
    response = JsonResponse({"query": cleaned, "suggestions": titles})
    # The browser may keep them; a shared cache (a CDN) must not learn what readers type.
    response["Cache-Control"] = "private, max-age=300"
    return response
