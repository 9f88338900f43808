"""Anonymous readers' pages served from Django's cache, purged on every publish.

What may be stored: the answer to a GET without cookies (readers have none, except a CSRF
cookie after opening the signature form; editors carry their session cookie and always get a
fresh page): a 200 that sets no cookie and says neither private nor no-store.
Never stored: the admin and previews (under /admin/), documents, the health check, search
results, POST results, and every response that sets a cookie — the signature form sets its
CSRF cookie, so it is always rendered fresh with its own token.

Query strings: only a bare URL or a plain `?page=N` is cached. Any other query string (the
situation guide's answer for a country and situation, a news filter, `?utm_…` junk) is
rendered fresh and never stored: a fast answer would tell a watcher with the same URL that
another reader asked it lately, and made-up parameters would fill a shared cache without end.
Nothing in a response says whether it came from the cache, unless PAGE_CACHE_HEADER is on
(development and tests): `X-Page-Cache: hit|miss`.

Purging: a page shows much besides itself (rules, related news, the country names, site
settings, help channels, the language switcher), so instead of tracking what shows what, any
publish, unpublish, move or deletion of a page, and any change to a snippet, setting, image,
document, site, locale or privacy setting, starts a new generation of the page cache: every
key carries the generation number, so the old entries are never read again and expire on their
own. Purges are rare (editors publishing), the cache refills on the next visit of each page.
The content cache (core/content_cache.py) uses the same generation.
"""

import contextlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_cache_key, learn_cache_key, patch_cache_control

from .cache_breaker import asking_anyway

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Paths never served from the cache (besides anything carrying cookies).
EXEMPT_PATH = re.compile(
    r"^/(admin|django-admin|documents|healthz|static|media)(/|$)|^/[a-z]{2}/search/"
)
NO_STORE_DIRECTIVES = ("private", "no-store", "no-cache")
# Apps whose models readers see on pages (snippets, site settings, rows of pages).
CONTENT_APPS = {"home", "knowledge", "news", "campaign"}
# Wagtail models that change what pages show or where they are.
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",  # privacy settings
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailsearchpromotions.searchpromotion",  # pages pinned to a search
}


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# A purge this process could not make (Redis unreachable at that moment, its entries kept).
# Until it is made, this process serves nothing from the cache and tries again with every
# request: otherwise, once Redis answered again, a page just made private or unpublished
# would be served from its old copy and old privacy settings for up to their lifetimes.
_purge_pending = False


def current_generation():
    """The cache's current generation, or None when the cache keeps nothing (Redis down:
    django-redis misses instead of failing, core/cache_config.py) or a purge is still owed:
    pages are then rendered for every request, neither read from nor stored in the cache."""
    if _purge_pending and not purge_page_cache(retry=True):
        return None
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache (or an evicted key): a number no earlier generation used.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def purge_page_cache(*, retry=False):
    """Forget every cached page (a new generation; old entries expire unread). False if the
    cache could not be reached; the purge is then made by this process's next request that
    reaches it (see _purge_pending).

    A purge for a change asks Redis even while this process's breaker is open after a
    timeout (core/cache_breaker.py): the other workers may reach Redis and would go on
    serving what the change replaced. The retries with readers' requests (`retry`) obey it."""
    global _purge_pending
    with contextlib.nullcontext() if retry else asking_anyway():
        cache.set(GENERATION_KEY, time.time_ns(), None)
        reached = cache.get(GENERATION_KEY) is not None
    if not reached:
        # Redis is away (the publish itself succeeded). Other processes could serve entries
        # from before the outage when it comes back, until this one purges: a process that
        # exits first (a management command) leaves that to a flush (docs/operations.md).
        if not _purge_pending:
            logger.error("Cache unreachable, could not purge it after a publish")
        _purge_pending = True
        return False
    if _purge_pending:
        logger.warning("Cache reachable again: the purge owed since the outage is made")
    _purge_pending = False
    return True


def carries_identity(request):
    """A session (an editor) or any other cookie, except the CSRF cookie a reader keeps after
    opening the signature form: pages do not depend on it, and a form that needs it sets it
    again, which keeps that response out of the cache."""
    return any(name != settings.CSRF_COOKIE_NAME for name in request.COOKIES)


# The one query string a cached page may have: a page number of a list (news, search-free).
CACHEABLE_QUERY = re.compile(r"^(page=[1-9][0-9]{0,3})?$")


def _request_is_cacheable(request):
    return (
        page_cache_seconds() > 0
        and request.method == "GET"
        and not carries_identity(request)
        and "HTTP_AUTHORIZATION" not in request.META
        and not EXEMPT_PATH.match(request.path_info)
        and CACHEABLE_QUERY.match(request.META.get("QUERY_STRING", ""))
    )


def _asks_something(request):
    """A reader's GET with a query string other than a page number (a situation, a filter)."""
    return request.method in ("GET", "HEAD") and not CACHEABLE_QUERY.match(
        request.META.get("QUERY_STRING", "")
    )


def _mark(response, state):
    if getattr(settings, "PAGE_CACHE_HEADER", False):
        response["X-Page-Cache"] = state


def _response_is_storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in NO_STORE_DIRECTIVES)


def _reader_cache_headers(response):
    """Browsers revalidate every time (a purge must reach them; the ETag makes it cheap);
    a configured CDN or proxy may keep the page for the page cache's lifetime."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        patch_cache_control(response, max_age=0, s_maxage=page_cache_seconds())
    else:
        patch_cache_control(response, max_age=0)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            response = self.get_response(request)
            if carries_identity(request) or _asks_something(request):
                # An editor's page (or one for a cookie holder) is never for shared caches,
                # nor an answer to a reader's query string (see the module's docstring): a
                # proxy in front would keep one without Cache-Control (Varnish: 2 minutes).
                patch_cache_control(response, private=True)
            return response

        generation = current_generation()
        if generation is None:
            return self.get_response(request)
        prefix = f"pagecache.{generation}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        cached = cache.get(key) if key else None
        if cached is not None:
            _mark(cached, "hit")
            return cached

        response = self.get_response(request)
        if _response_is_storable(response):
            _reader_cache_headers(response)
            key = learn_cache_key(request, response, page_cache_seconds(), prefix, cache=cache)
            cache.set(key, response, page_cache_seconds())
            _mark(response, "miss")
        return response


# --- Purge signals ------------------------------------------------------------------


def _purge_after_commit(**kwargs):
    # After the commit: a reader's request in between would otherwise store the old content
    # under the new generation.
    transaction.on_commit(purge_page_cache)


def _model_label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _purge_on_content_change(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        return  # saving a draft changes nothing readers see; publishing has its own signal
    if sender._meta.app_label not in CONTENT_APPS and _model_label(sender) not in CONTENT_MODELS:
        return
    changes_what_readers_see = getattr(instance, "changes_what_readers_see", None)
    if changes_what_readers_see and not changes_what_readers_see(kwargs.get("created", False)):
        return
    _purge_after_commit()


def _purge_privacy_change_at_frontend_cache(sender, instance, **kwargs):
    """Wagtail purges a page at the proxy or CDN (WAGTAILFRONTENDCACHE) when it is published
    or unpublished; a page put behind a password or a login (with its subpages) must leave
    it as soon, not when s-maxage runs out."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page_id = instance.page_id

    def purge():
        from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
        from wagtail.models import Page

        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            purge_pages_from_cache(page.get_descendants(inclusive=True).live().specific())

    transaction.on_commit(purge)


def _purge_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        _purge_after_commit()


def connect_purge_signals():
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_purge_after_commit, dispatch_uid=f"page_cache_purge_{id(signal)}")
    post_save.connect(_purge_on_content_change, dispatch_uid="page_cache_purge_save")
    post_delete.connect(_purge_on_content_change, dispatch_uid="page_cache_purge_delete")
    post_delete.connect(_purge_on_page_delete, dispatch_uid="page_cache_purge_page_delete")
    from wagtail.models import PageViewRestriction

    for signal in (post_save, post_delete):
        signal.connect(
            _purge_privacy_change_at_frontend_cache,
            sender=PageViewRestriction,
            dispatch_uid=f"frontend_cache_purge_privacy_{id(signal)}",
        )
