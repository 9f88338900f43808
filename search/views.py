"""The search page: the reader's language first, other languages when it has nothing,
never an error page."""

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.query import Fuzzy
from wagtail.search.utils import normalise_query_string

from campaign.models import HelpPage
from core.content_cache import active_locale, content_lookup
from core.privacy import public, public_for_search
from knowledge.models import KnowledgeIndexPage
from knowledge.queries import country_names_by_key

from . import cases, node, ranking, routing, rules, suggestions
from .page_rows import page_rows
from .query import MAX_EXCLUDED_SHOWN, MAX_QUERY_LENGTH, clean_query, compile_query, read_query
from .results import (
    CountryRow,
    Hit,
    card_facts,
    country_names,
    describe_hits,
    facets,
    page_card,
    rule_card,
)
from .understand import understand

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# Hits fetched per search: enough for every filter count on a site of this size, small
# enough to keep a search cheap. Beyond it the reader refines the query.
MAX_HITS = 200
OTHER_LANGUAGE_PREVIEW = 5
SUGGESTIONS = 8


@dataclass
class Found:
    items: list = field(default_factory=list)  # ranked: results.Hit (pages) and rules.RuleHit
    degraded: bool = False  # answered by the database fallback while the node is down
    failed: bool = False
    understood: object = None

    @property
    def pages(self):
        """The pages among the results, in their ranked order (plain Page objects)."""
        return [item.page for item in self.items if isinstance(item, Hit)]

    @property
    def suggestion(self):
        return self.understood.suggestion if self.understood is not None else ""


# What the hits are read for: their type, title and place (ranking, filters, rules, the
# link); what a card shows of the specific page is kept (results.card_facts). Up to 200
# hits per search: the rest of a page's row is not worth reading.
HIT_FIELDS = ("id", "title", "slug", "content_type_id", "path", "depth", "url_path", "locale_id")


def _pages(locale):
    pages = public_for_search(Page.objects.live().filter(locale=locale)).only(*HIT_FIELDS)
    return page_rows(pages)


def _hits(pages, query, backend_name):
    """Up to MAX_HITS pages. NodeUnavailable when a node backend had to answer from the
    database (search/node_backends): the caller asks the fallback itself, with the query
    made for the database."""
    results = pages.search(query, backend=backend_name)[:MAX_HITS]
    hits = list(results)
    if getattr(results, "answered_by_fallback", False):
        raise node.NodeUnavailable
    return hits


# With fewer pages than this having every concept, pages with some of them follow.
FEW_HITS = 5


def _run(understood, locale, backend_name, *, fuzzy=False):
    """The engine's hits for `understood`, in its order: first the pages with every concept
    some page has (marked `all_concepts`), then, when those are few, pages with any of them
    (the engines score pages with more of the words higher)."""
    pages = _pages(locale)
    if fuzzy:
        # Only words that mean something: a forgiven "a" matched the "A" of case numbers.
        return _hits(pages, Fuzzy(understood.cleaned), backend_name) if understood.concepts else []
    database = routing.uses_database(backend_name)
    hits = []
    query = compile_query(understood, database=database, operator="and")
    if query is not None:
        hits = _hits(pages, query, backend_name)
        for hit in hits:
            hit.all_concepts = True
    # Broad words too: "взяли в армию" has few pages with "взяли", more about the army.
    if len(hits) < FEW_HITS and (
        len(understood.concepts) > 1 or len(understood.required) != len(understood.concepts)
    ):
        query = compile_query(understood, database=database, operator="or")
        if query is not None:
            seen = {hit.pk for hit in hits}
            hits += [hit for hit in _hits(pages, query, backend_name) if hit.pk not in seen]
    return hits


def _answer(understood, locale, pages):
    """Hits, the rules that answer, answer-first (search/ranking.py)."""
    hits = describe_hits(pages, locale)
    profiles = [h.page for h in hits if h.type_key == rules.PROFILE_TYPE]
    by_article = rules.rules_with_articles(understood.articles, locale)
    implied = rules.implied_profile(understood, locale, profiles[: rules.PROFILES_LOOKED_AT])
    if implied is not None:
        profiles = [*profiles[: rules.PROFILES_LOOKED_AT - 1], implied]
    rule_hits = by_article + [
        r
        for r in rules.rules_of_profiles(understood, profiles, locale)
        if r.rule.pk not in {a.rule.pk for a in by_article}
    ]
    if ranking.asks_for_help(understood):  # "hotline", "консультация": the help page
        help_page = _help_page(locale)
        if help_page is not None and help_page.pk not in {h.page.pk for h in hits}:
            hits += describe_hits([help_page], locale)
    if by_article:  # "ст. 337" alone: the profiles with those rules are results too
        found = {h.page.pk for h in hits}
        extra = [r.profile for r in by_article if r.profile.pk not in found]
        hits += describe_hits(list({p.pk: p for p in extra}.values()), locale)
    by_case = cases.decisions_with_case_number(understood.cleaned, locale)
    if by_case:  # "12 B 17/23": that decision first, found even if the engine missed it
        found = {h.page.pk for h in hits}
        hits += describe_hits(
            _pages(locale).filter(pk__in=[pk for pk in by_case if pk not in found]), locale
        )
        for hit in hits:
            hit.by_case_number = hit.page.pk in by_case
    describe_rule_countries(rule_hits)
    return ranking.rank(hits, rule_hits, understood, country_names_by_key(locale))


def search_locale(cleaned, locale, *, fuzzy=False, raw=None, understood=None):
    """Live pages (and rules) of `locale` matching `cleaned`, best first; falls back to the
    database.

    The node is asked only while search/node.py allows it: once per request at most, and not
    at all while its breaker is open after a failure.
    """
    if understood is None:
        understood = understand(cleaned, locale.language_code, raw=raw)
    found = _search(understood, locale, fuzzy=fuzzy)
    found.understood = understood
    if not found.failed:
        found.items = _answer(understood, locale, found.items)
    return found


def _search(understood, locale, *, fuzzy=False):
    """Found with the engine's plain Page hits in `items` (not ranked yet)."""
    name = routing.backend_name_for(locale.language_code)
    if routing.uses_database(name):
        try:
            return Found(_run(understood, locale, name))
        except Exception as error:  # never an error page
            logger.warning("Search failed on the %r backend: %s", name, node.describe(error))
            return Found(failed=True)
    if node.available():
        try:
            return Found(_run(understood, locale, name, fuzzy=fuzzy))
        except node.NodeUnavailable:
            pass  # the node failed and was noted; the fallback is asked below
        except Exception as error:  # the engine is down or refused the query
            node.record_failure(error)
            logger.warning("Search failed on the %r backend: %s", name, node.describe(error))
    if fuzzy:
        return Found()  # typo tolerance of the node itself (the vocabulary's is in the query)
    if not routing.has_fallback():
        return Found(failed=True)
    try:
        return Found(_run(understood, locale, routing.FALLBACK), degraded=True)
    except DatabaseError as error:
        logger.warning("Search failed on the fallback backend: %s", node.describe(error))
        return Found(failed=True)


def describe_rule_countries(rule_hits):
    for hit in rule_hits:
        country = hit.profile.country
        hit.countries = [CountryRow(country.code, country.translation_key, country.name)]


def promoted(cleaned, locale):
    """Pages editors pinned for this query (Search promotions), in the reader's language.

    Only looked up, never recorded: the site keeps no log of what readers search for.
    """
    query_string = normalise_query_string(cleaned)
    if query_string not in _promoted_queries():
        return []
    query = Query.objects.filter(query_string=query_string).first()
    if query is None:
        return []
    pages = []
    for pick in query.editors_picks.select_related("page").order_by("sort_order"):
        page = pick.page.get_translation_or_none(locale)
        if page is not None and page.live:
            pages.append((page.specific, pick.description))
    return pages


@content_lookup("search-promotions")
def _promoted_queries():
    """The query strings editors promoted pages for (most searches have none: no query)."""
    promoted = Query.objects.filter(editors_picks__isnull=False)
    return frozenset(promoted.values_list("query_string", flat=True))


def other_languages(cleaned, locale, raw=None):
    """[(language name, number of hits, first cards)] for the other locales with hits."""
    found = []
    for other in Locale.objects.exclude(pk=locale.pk).order_by("language_code"):
        result = search_locale(cleaned, other, raw=raw)
        if result.items:
            cards = make_result_cards(
                result.items[:OTHER_LANGUAGE_PREVIEW],
                result.understood.words() or cleaned.split(),
                other.language_code,
                locale,
            )
            name = get_language_info(other.language_code)["name_local"]
            for card in cards:
                card.language_name = name
                card.language_code = other.language_code
            found.append(
                {
                    "code": other.language_code,
                    # in the reader's language: "15 results in Russian", not "… in Русский"
                    "name": get_language_info(other.language_code)["name_translated"],
                    "count": len(result.items),
                    "cards": cards,
                }
            )
    return found


def make_result_cards(items, query_words, language_code, locale):
    """Cards for ranked items (page hits and rules), in their order; country names in
    `locale` (the reader's)."""
    names = country_names([c for i in items if isinstance(i, Hit) for c in i.countries], locale)
    pages = [item for item in items if isinstance(item, Hit)]
    facts = dict(zip(map(id, pages), card_facts.many([(h.page,) for h in pages]), strict=True))
    return [
        page_card(item, names, query_words, language_code, facts[id(item)])
        if isinstance(item, Hit)
        else rule_card(item, query_words, language_code, locale)
        for item in items
    ]


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


@content_lookup("search-situation-guide")
def _situation_guide_url(locale):
    """The situation guide ("What applies to me?") of the reader's knowledge base."""

    def find():
        index = public(KnowledgeIndexPage.objects.live().filter(locale=locale)).first()
        return index.url + index.reverse_subpage("situation_guide") if index else ""

    return find()


@content_lookup("search-help-page")
def _help_page(locale):
    """The help page of the reader's language (a plain Page: its title and URL)."""

    def find():
        page = HelpPage.objects.live().public().filter(locale=locale).first()
        return Page.objects.get(pk=page.pk) if page else None

    return find()


def _result_page(items, requested):
    """The result page asked for, and the page number as typed when there is no such page
    (it is told, and the nearest page shown: the first or the last)."""
    typed = (requested or "").strip()
    try:
        number = int(typed)
    except ValueError:
        number = None
    paginator = Paginator(items, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(1 if number is not None and number < 1 else requested)
    missing = typed and number != page_obj.number
    return page_obj, (typed if len(typed) <= 12 else typed[:11] + "…") if missing else ""


def search(request):
    """Full-text search of the live pages in the reader's language."""
    raw_query = request.GET.get("q", "")
    read = read_query(raw_query)
    cleaned = read.text
    filters = {
        "type": _filter_value(request.GET.get("type", ""), 60),
        "country": _filter_value(request.GET.get("country", ""), 20),
    }
    locale = active_locale()
    context = {
        "search_query": cleaned,
        "read_query": read,
        "max_query_length": MAX_QUERY_LENGTH,
        "excluded_words": ", ".join(read.excluded[:MAX_EXCLUDED_SHOWN]),
        "asked_nothing": "q" in request.GET and not cleaned,
        "filters": filters,
    }
    found = Found()
    items = []
    query_words = cleaned.split()
    if cleaned:
        found = search_locale(cleaned, locale, raw=raw_query)
        understood = found.understood
        query_words = understood.words() or query_words
        type_facets, country_facets = facets(found.items, locale)
        context["filter_links"] = _filter_links(cleaned, filters, type_facets, country_facets)
        items = [item for item in found.items if item.matches(filters["type"], filters["country"])]
        # The filters left nothing (or name no type or country at all): say so, not "nothing
        # in this language".
        context["filtered_out"] = len(found.items) if found.items and not items else 0
        context["promoted"] = promoted(cleaned, locale)
        suggestion = found.suggestion
        if suggestion and suggestion != cleaned:
            context["suggestion"] = suggestion
            context["suggestion_url"] = "?" + _querystring(q=suggestion, **filters)
        if not context.get("suggestion") and not found.failed:
            # "asy": the word it may be the beginning of (the node may have found pages by
            # forgiving a letter or two; the database finds nothing).
            completed = found.understood.completed()
            if completed:
                context["suggestion"] = completed
                context["suggestion_url"] = "?" + _querystring(q=completed, **filters)
        if not found.items and not found.failed:
            context["other_languages"] = other_languages(cleaned, locale, raw=raw_query)
            if (
                not context["other_languages"]
                and not routing.uses_database(routing.backend_name_for(locale.language_code))
                and node.available()
            ):
                # Nothing anywhere: let the engine forgive a typo or two.
                approximate = search_locale(cleaned, locale, fuzzy=True)
                items = approximate.items
                context["approximate"] = bool(items)
        context["help_page"] = _help_page(locale)
    if not items and not found.failed:  # nothing found, or nothing asked yet: a way on
        context["situation_guide_url"] = _situation_guide_url(locale)
    page_obj, context["page_missing"] = _result_page(items, request.GET.get("page"))
    language = locale.language_code
    context.update(
        {
            "search_results": page_obj,
            "cards": make_result_cards(page_obj.object_list, query_words, language, locale),
            "result_count": len(items),
            "search_failed": found.failed,
            "search_degraded": found.degraded,
            "pager_querystring": _querystring(q=cleaned, **filters),
        }
    )
    response = render(request, "search/search.html", context)
    if raw_query.strip():  # what was typed stays out of the browser's disk cache
        response["Cache-Control"] = "no-store, private"
    return response


@require_GET
def suggest(request):
    """Up to SUGGESTIONS page titles and rule headings with words that start like the
    typed ones, anywhere in the title (for autocomplete). From the database: quick, and
    the same on every engine."""
    cleaned = clean_query(request.GET.get("q", ""))
    found = []
    if len(cleaned) >= 2:
        locale = active_locale()
        found = suggestions.suggest(cleaned, locale, SUGGESTIONS)
    response = JsonResponse({"query": cleaned, "suggestions": found})
    # Neither a shared cache (a CDN) nor the reader's own browser keeps what was typed: a
    # checked device must not hold every prefix of a search in its cache.
    response["Cache-Control"] = "no-store, private"
    return response
