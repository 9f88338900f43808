"""Lookups that only change when editors publish, kept between readers' requests.

Rendering a page asks the database the same questions on every request: which site, which
locale, how the URL routes to a page, the home page and sections of this language, the
language versions of the page, the site settings, the news filters. Their answers change only
when something is published or edited, which is exactly when the page cache starts a new
generation (core.page_cache). So they are kept in Django's cache under that generation
(CONTENT_CACHE_SECONDS) and are dropped by the same purge: a publish shows at once.

This is separate from the page cache: it also speeds up the pages that are not cached
whole (a reader's first visit after a publish, search results, pages with a form).
Only readers' GET requests use it (no cookie but the CSRF one, not under /admin/): editors,
previews, management commands and tests always ask the database.

Every entry is named in LOOKUPS below, and reached only through a function decorated with
`@content_lookup(name)`, which builds the key from the function's arguments (a test checks
that no module outside this one calls the cache itself, and that each entry has exactly one
such function).

Wagtail internals it relies on (pinned by
tests/test_content_cache.py::test_the_wagtail_internals_the_content_cache_fills_are_read):
- `request._wagtail_site`: `Site.find_for_request` answers from it when set;
- `request._wagtail_route_for_request`: `Page.route_for_request` answers from it when set;
- `BaseSiteSetting.get_cache_attr_name()`: the request attribute `for_request` reads.
Keys carry the release id (core/cache_config.py), so pickled pages and settings never
outlive the code that made them.
"""

import contextvars
import functools
import hashlib
import inspect
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from core.page_cache import carries_identity, current_generation


@dataclass(frozen=True)
class Lookup:
    """One entry of the content cache. Every entry is dropped by the purge that starts a new
    generation (core.page_cache: any publish, unpublish, move, snippet or setting saved,
    privacy change); `holds` names the change that makes this one stale."""

    key: tuple  # the arguments its key is built from, in order
    holds: str
    # Keyword-only arguments the answer is made with that the key leaves out: the request a
    # page URL is made for (the key names the site or locale already), or a queryset or page
    # of results the key's arguments describe.
    reads: tuple = ()
    keeps_none: bool = False  # None is an answer (kept), not "missing" (asked again)
    # Also kept in the worker's own memory for the generation, unpickled once instead of on
    # every request: for answers most requests read (every search), that nobody changes
    # (tuples, frozen rows, dicts only read) and that are small enough to keep per worker.
    in_process: bool = False


LOOKUPS = {
    # core: every page
    "site": Lookup(
        ("host", "port"),
        "the Site a host and port lead to, its root page loaded (a site edited)",
        reads=("request",),
    ),
    "locale": Lookup(("language",), "the Locale of the active language (a locale added)"),
    "localized": Lookup(
        ("instance", "locale"),
        "a page or snippet's version in a locale (its translation published or saved)",
    ),
    "route": Lookup(
        ("site", "language", "path"),
        "the page a path leads to, with its view arguments (a publish, unpublish or move)",
        reads=("request",),
    ),
    "view-restrictions": Lookup(
        ("page",), "a page's privacy settings and its ancestors' (a privacy change)"
    ),
    "restricted-paths": Lookup(
        (),
        "the paths of every page with a view restriction, for search (a privacy change)",
        in_process=True,
    ),
    "setting": Lookup(
        ("setting", "site"), "a site setting of a site, e.g. the help channels (saving it)"
    ),
    "locale-codes": Lookup(
        (), "{locale id: language code} of LANGUAGES (a locale added)", in_process=True
    ),
    "language-urls": Lookup(
        ("site_id", "translation_key"),
        "{language code: URL} of a page's live translations (publishing or unpublishing one)",
        reads=("request", "locale_codes"),
    ),
    "home": Lookup(("site", "language"), "a site's home page in a language (publishing it)"),
    "sections": Lookup(
        ("home",),
        "[(page, URL)] of the main navigation under a home page (publishing or moving one)",
        reads=("request",),
    ),
    # knowledge
    "country": Lookup(
        ("country_id",),
        "the Country snippet a profile or builder points at (saving the snippet)",
        reads=("page",),
    ),
    "country-names": Lookup(
        ("locale",),
        "{Country translation key: name} in a locale (saving a Country)",
        in_process=True,
    ),
    "profile-rules": Lookup(
        ("profile",), "a profile's published rules, in order (publishing it, a legal review)"
    ),
    "rule-changes": Lookup(
        ("profile_key", "limit"), "a profile's newest change-log entries (publishing it)"
    ),
    "decision-rows": Lookup(
        ("locale",),
        "[DecisionRow] of a locale's live decisions (publishing one, saving a Country)",
        reads=("request",),
    ),
    # translation
    "newer-original": Lookup(
        ("page",),
        "the English original changed since a translation was synced, or None (publishing)",
        keeps_none=True,
    ),
    # news
    "latest-news": Lookup(
        ("country_id", "locale_id", "limit"),
        "the newest news of a locale about a country (publishing news)",
    ),
    "news-filters": Lookup(
        ("index", "locale"),
        "(countries, topics, years) a news index's filters offer (publishing news)",
    ),
    "news-count": Lookup(
        ("index", "filters"),
        "how many news a filtered news list has (publishing news)",
        reads=("news",),
    ),
    "news-list": Lookup(
        ("index", "filters", "number"),
        "one page of a filtered news list, with country names (publishing news)",
        reads=("news_page",),
    ),
    # safety
    "safety-page": Lookup(
        ("home",),
        'the URL of the "Read this site safely" page for a home page (publishing it)',
        reads=("request",),
    ),
    # alternative_service
    "application-builder": Lookup(
        ("country", "language"),
        "a country's builder page in a language, or None (publishing a builder)",
        keeps_none=True,
    ),
    # search
    "search-rule-parts": Lookup(
        ("profile_id",),
        "a profile's country code and its rules' texts, headings and topics (publishing it)",
        in_process=True,
    ),
    "search-country-profile": Lookup(
        ("locale", "code"),
        "the live, public profile of a country in a language, or None (publishing a profile)",
        keeps_none=True,
    ),
    "search-synonym-sets": Lookup(
        ("language",),
        "editors' synonym groups of a language (saving one: search/signals.py)",
        in_process=True,
    ),
    "search-suggestions": Lookup(
        ("locale",), "the titles and rule headings suggestions come from (publishing)"
    ),
    "search-rule-articles": Lookup(
        ("locale",),
        "(rule id, article, country code) of a locale's rules on live public profiles, in the "
        "knowledge base's order (publishing a profile)",
        in_process=True,
    ),
    "search-case-numbers": Lookup(
        ("locale",),
        "the decisions' case numbers, in parts (publishing a decision)",
        in_process=True,
    ),
    "search-situation-guide": Lookup(
        ("locale",),
        "the URL of a locale's situation guide (publishing the knowledge index, a privacy change)",
        in_process=True,
    ),
    "search-help-page": Lookup(("locale",), "a locale's help page (publishing it)"),
    "search-page-countries": Lookup(
        ("locale",),
        "{page id: (CountryRow, …)} of a locale's pages about countries (publishing one)",
        in_process=True,
    ),
    "search-card": Lookup(
        ("page",),
        "a search result's date and texts for its snippet (publishing the page)",
    ),
    "search-promotions": Lookup(
        (), "the queries editors promoted pages for (saving a search promotion)", in_process=True
    ),
}

_generation = contextvars.ContextVar("content_cache_generation", default=None)
_MISSING = object()
# (generation, deadline, {key: answer}) of the `in_process` lookups; replaced whole when the
# generation changes or after CONTENT_CACHE_SECONDS (as long as a shared entry lives: without
# a shared cache another worker's publish never changes this worker's generation), and
# emptied when it holds IN_PROCESS_ENTRIES (keys with arguments, e.g. a locale, are few, but a
# bound keeps a worker's memory flat whatever the keys).
_in_process = (None, 0.0, {})
IN_PROCESS_ENTRIES = 256
_in_use = {}  # lookup name: the function that reaches it ("module.qualname")


def content_cache_seconds():
    return getattr(settings, "CONTENT_CACHE_SECONDS", 0)


def _cached_content(key, compute, *, in_process=False):
    """compute(), or its answer from an earlier request of this generation. Only within a
    reader's request; None is never kept (a missing thing may appear without a purge-worthy
    change, e.g. a page routed to 404)."""
    global _in_process
    generation = _generation.get()
    if generation is None:
        return compute()
    if in_process:
        kept_generation, deadline, kept = _in_process
        now = time.monotonic()
        if kept_generation != generation or now > deadline:
            kept = {}
            _in_process = (generation, now + content_cache_seconds(), kept)
        value = kept.get(key, _MISSING)
        if value is _MISSING:
            value = _cached_content(key, compute)
            if value is not None:
                if len(kept) >= IN_PROCESS_ENTRIES:
                    kept.clear()
                kept[key] = value
        return value
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    full_key = f"content.{generation}.{digest}"
    value = cache.get(full_key, _MISSING)
    # None too: django-redis answers None while Redis is away (core/cache_config.py).
    if value is _MISSING or value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, content_cache_seconds())
    return value


def _cached_many(keys, compute):
    """[compute(i) or its kept answer for each key i]: one round trip to the cache for them
    all (a search page's ten cards were ten). Not for `in_process` lookups."""
    generation = _generation.get()
    if generation is None:
        return [compute(i) for i in range(len(keys))]
    full_keys = [
        f"content.{generation}.{hashlib.blake2b(k.encode(), digest_size=16).hexdigest()}"
        for k in keys
    ]
    kept = cache.get_many(full_keys)
    values, missing = [], {}
    for i, full_key in enumerate(full_keys):
        value = kept.get(full_key)
        if value is None:
            value = compute(i)
            if value is not None:
                missing[full_key] = value
        values.append(value)
    if missing:
        cache.set_many(missing, content_cache_seconds())
    return values


_PLAIN = (str, int, uuid.UUID, type(None))


def _key_part(value):
    """What an argument adds to a key: a model instance its label and pk, a model its label,
    a plain value itself. Anything else (a dict, a queryset) has no reliable text."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, models.Model):
        return (value._meta.label_lower, value.pk)
    if isinstance(value, type) and issubclass(value, models.Model):
        return value._meta.label_lower
    raise TypeError(f"a {type(value).__name__} cannot be part of a content-cache key")


def content_lookup(name):
    """Decorates the one function that reaches the LOOKUPS entry `name`: readers' requests
    take its answer from the content cache, keyed by `name` and the arguments the entry lists
    (the function's positional parameters); its keyword-only parameters are the entry's
    `reads`. A name not in LOOKUPS, other parameters or a second function for the same name
    fail at import."""
    if name not in LOOKUPS:
        raise ValueError(f"{name!r} is not in core.content_cache.LOOKUPS")
    entry = LOOKUPS[name]

    def decorate(function):
        where = f"{function.__module__}.{function.__qualname__}"
        parameters = list(inspect.signature(function).parameters.values())
        key = tuple(p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD)
        reads = {p.name for p in parameters if p.kind is p.KEYWORD_ONLY}
        plain = all(p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) for p in parameters)
        if key != entry.key or reads != set(entry.reads) or not plain:
            raise ValueError(
                f"{where} takes {[p.name for p in parameters]}; LOOKUPS[{name!r}] is keyed by "
                f"{list(entry.key)} and reads {list(entry.reads)} (keyword-only)"
            )
        if _in_use.setdefault(name, where) != where:
            raise ValueError(f"{name!r} is reached by {_in_use[name]} already ({where})")
        defaults = {p.name: p.default for p in parameters if p.default is not p.empty}
        size = len(key)

        def key_arguments(args, kwargs):
            if len(args) == size:
                return args
            values = list(args)
            for parameter in key[len(args) :]:
                value = kwargs.get(parameter, defaults.get(parameter, _MISSING))
                if value is _MISSING:
                    raise TypeError(f"{where}() needs {parameter!r}")
                values.append(value)
            return values

        @functools.wraps(function)
        def lookup(*args, **kwargs):
            parts = tuple(map(_key_part, key_arguments(args, kwargs)))
            cache_key = f"{name}:{parts!r}"
            here = entry.in_process
            if entry.keeps_none:  # in a 1-tuple, so that None is kept too
                compute = lambda: (function(*args, **kwargs),)  # noqa: E731
                return _cached_content(cache_key, compute, in_process=here)[0]
            return _cached_content(cache_key, lambda: function(*args, **kwargs), in_process=here)

        def many(calls):
            """[lookup(*args) for args in calls], asking the cache once for them all."""
            if entry.in_process or entry.keeps_none:
                return [lookup(*args) for args in calls]
            keys = [f"{name}:{tuple(map(_key_part, args))!r}" for args in calls]
            return _cached_many(keys, lambda i: function(*calls[i]))

        lookup.content_lookup = name
        lookup.many = many
        return lookup

    return decorate


def lookups_in_use():
    """{lookup name: the function that reaches it} of the modules imported so far."""
    return dict(_in_use)


def active_locale():
    """Locale.get_active(), kept per language."""
    return _active_locale(get_language())


@content_lookup("locale")
def _active_locale(language):
    return Locale.get_active()  # the Locale of `language`, the active one


def localized(instance):
    """`instance.localized` (a page or snippet in the active language, else itself): no
    query when it already is in the active language, kept when it is not."""
    locale = active_locale()
    if instance.locale_id == locale.pk:
        return instance
    return _localized(instance, locale)


@content_lookup("localized")
def _localized(instance, locale):
    return instance.localized  # in `locale`, the active one


def _uses_content_cache(request):
    return (
        content_cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not carries_identity(request)
        and not request.path_info.startswith("/admin/")
    )


def _site_for(request):
    """Site.find_for_request, kept per host and port (which CommonMiddleware has checked
    against ALLOWED_HOSTS by now)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # Wagtail keeps the site of a request in this attribute (see Site.find_for_request).
    request._wagtail_site = _find_site(request.get_host(), request.get_port(), request=request)
    return request._wagtail_site


@content_lookup("site")
def _find_site(host, port, *, request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 -- loaded now, so the cached copy carries it
    return site


@content_lookup("route")
def _route(site, language, path, *, request):
    return Page.route_for_request(request, path)


# Views whose header and footer need the site: pages and the search page. Not /healthz: it
# must answer from a database without the site's tables, and 503 while it is down.
SITE_VIEWS = frozenset({"wagtail_serve", "search"})


class ContentCacheMiddleware:
    """Turns the content cache on for readers' requests, and keeps the route of page URLs
    (the page a path leads to, found by Wagtail in 4–6 queries) for the generation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        generation = current_generation() if _uses_content_cache(request) else None
        token = _generation.set(generation)
        try:
            return self.get_response(request)
        finally:
            _generation.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if _generation.get() is None or match is None or match.url_name not in SITE_VIEWS:
            return None  # others (/healthz, feeds of their own) look up what they need
        site = _site_for(request)
        if site is None or match.url_name != "wagtail_serve":
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        # Wagtail's serve view reads the route from this attribute when it is set
        # (Page.route_for_request); a path that leads nowhere is looked up again each time.
        request._wagtail_route_for_request = _route(site, get_language(), path, request=request)
        return None


@content_lookup("setting")
def _site_setting(setting, site):
    return setting.for_site(site)


class CachedSiteSetting:
    """For a BaseSiteSetting subclass: readers' requests take it from the content cache
    (the footer shows the help channels on every page)."""

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name) and _generation.get() is not None:
            site = _site_for(request)
            if site is not None:
                site_settings = _site_setting(cls, site)
                site_settings._request = request  # as Wagtail does, for page URLs
                setattr(request, attr_name, site_settings)
        return super().for_request(request)


class CachedViewRestrictionsMixin:
    """For page models: Wagtail checks a page's privacy settings (its own and its ancestors',
    two queries) before serving it; readers' requests take them from the content cache.
    A change of privacy purges it (core.page_cache.CONTENT_MODELS)."""

    def get_view_restrictions(self):
        if _generation.get() is None:
            return super().get_view_restrictions()  # a queryset, as the admin expects
        return _view_restrictions(self)


@content_lookup("view-restrictions")
def _view_restrictions(page):
    # A list, never None: "no restrictions" is kept too.
    return list(super(CachedViewRestrictionsMixin, page).get_view_restrictions())
