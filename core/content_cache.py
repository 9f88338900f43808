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
"""

import contextvars
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from core.page_cache import carries_identity, current_generation

_generation = contextvars.ContextVar("content_cache_generation", default=None)
_MISSING = object()


def content_cache_seconds():
    return getattr(settings, "CONTENT_CACHE_SECONDS", 0)


def cached_content(key, compute):
    """compute(), or its answer from an earlier request of this generation. Only within a
    reader's request; None is never kept (a missing thing may appear without a purge-worthy
    change, e.g. a page routed to 404)."""
    generation = _generation.get()
    if generation is None:
        return compute()
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    full_key = f"content.{generation}.{digest}"
    value = cache.get(full_key, _MISSING)
    # None too: django-redis answers None while Redis is away (core/cache_config.py).
    if value is _MISSING or value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, content_cache_seconds())
    return value


def active_locale():
    """Locale.get_active(), kept per language."""
    return cached_content(f"locale:{get_language()}", Locale.get_active)


def localized(instance):
    """`instance.localized` (a page or snippet in the active language, else itself): no
    query when it already is in the active language, kept when it is not."""
    locale = active_locale()
    if instance.locale_id == locale.pk:
        return instance
    key = f"localized:{instance._meta.label_lower}:{instance.pk}:{locale.pk}"
    return cached_content(key, lambda: instance.localized)


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

    def find():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 -- loaded now, so the cached copy carries it
        return site

    # Wagtail keeps the site of a request in this attribute (see Site.find_for_request).
    request._wagtail_site = cached_content(f"site:{request.get_host()}:{request.get_port()}", find)
    return request._wagtail_site


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
        if _generation.get() is None or match is None or match.url_name != "wagtail_serve":
            return None  # other views (search, /healthz) look up what they need themselves
        site = _site_for(request)
        if site is None:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = f"route:{site.pk}:{get_language()}:{path}"
        # Wagtail's serve view reads the route from this attribute when it is set
        # (Page.route_for_request); a path that leads nowhere is looked up again each time.
        request._wagtail_route_for_request = cached_content(
            key, lambda: Page.route_for_request(request, path)
        )
        return None


class CachedSiteSetting:
    """For a BaseSiteSetting subclass: readers' requests take it from the content cache
    (the footer shows the help channels on every page)."""

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name) and _generation.get() is not None:
            site = _site_for(request)
            if site is not None:
                key = f"setting:{cls._meta.label_lower}:{site.pk}"
                site_settings = cached_content(key, lambda: cls.for_site(site))
                site_settings._request = request  # as Wagtail does, for page URLs
                setattr(request, attr_name, site_settings)
        return super().for_request(request)


class CachedViewRestrictionsMixin:
    """For page models: Wagtail checks a page's privacy settings (its own and its ancestors',
    two queries) before serving it; readers' requests take them from the content cache.
    A change of privacy purges it (core.page_cache.CONTENT_MODELS)."""

    def get_view_restrictions(self):
        find = super().get_view_restrictions
        if _generation.get() is None:
            return find()  # a queryset, as the admin expects
        # In a 1-tuple, so that "no restrictions" is kept too.
        return cached_content(f"view-restrictions:{self.pk}", lambda: (list(find()),))[0]
