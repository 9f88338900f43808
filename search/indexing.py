"""Keeping the search node's per-language indexes in step with the page tree.

Wagtail updates backends with AUTO_UPDATE itself ("default" and the database "fallback").
The per-language backends (search/backends.py) hold only their language's pages, so
publishing, unpublishing, moving and deleting a page is routed here to the backend of the
page's language. When the node cannot be reached, publishing still succeeds: the update
is stored as a PendingIndexUpdate and applied by the next update that gets through, or by
`manage.py rebuild_search_indexes --pending`. Failures of "default" are queued the same
way, since Wagtail only logs them.
"""

import logging

from django.db import transaction

from wagtail.models import Page

from modelsearch.index import get_indexed_models

from . import engines
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

# Pending updates applied after each successful one; the rest wait for the next.
CATCH_UP_BATCH = 50


def backends_for(page):
    """Names of the engine backends that should hold `page`."""
    language = page.locale.language_code
    return [
        name
        for name in engines.engine_backend_names()
        if name == language or name not in engines.language_backend_names()
    ]


def ensure_index(backend):
    """Create the page index with its language's settings if it does not exist yet, so a
    first update cannot make the node invent an index with default analysis."""
    index = backend.get_index_for_model(Page)
    if not index.exists():
        index.put()
        for model in get_indexed_models():
            if issubclass(model, Page):
                index.add_model(model)
    return index


def _apply(backend_name, page_id, action):
    backend = engines.backend(backend_name)
    ensure_index(backend)
    if action == PendingIndexUpdate.Action.DELETE:
        page = Page(pk=page_id)
        backend.delete(page)
        return
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None:  # deleted meanwhile: make sure the index forgets it
        backend.delete(Page(pk=page_id))
    else:
        backend.add(page)


def update(page_id, action, backend_names):
    """Apply `action` for one page to each backend; queue what fails."""
    for name in backend_names:
        try:
            _apply(name, page_id, action)
        except Exception:  # the node is down, slow or refused: publishing must not fail
            logger.warning("Search index update queued: %s page %s in %s", action, page_id, name)
            _queue(name, page_id, action)
        else:
            PendingIndexUpdate.objects.filter(backend=name, page_id=page_id).delete()
            catch_up(name, limit=CATCH_UP_BATCH)


def _queue(backend_name, page_id, action):
    pending, created = PendingIndexUpdate.objects.get_or_create(
        backend=backend_name, page_id=page_id, defaults={"action": action}
    )
    if not created:
        pending.action = action
        pending.attempts += 1
        pending.save(update_fields=["action", "attempts", "queued_at"])


def catch_up(backend_name=None, limit=None):
    """Apply queued updates (of one backend, or all); returns (applied, still pending)."""
    queued = PendingIndexUpdate.objects.all()
    if backend_name:
        queued = queued.filter(backend=backend_name)
    applied = 0
    for pending in list(queued[:limit] if limit else queued.all()):
        try:
            _apply(pending.backend, pending.page_id, pending.action)
        except Exception:
            logger.warning("Search node still unreachable for %s", pending.backend, exc_info=True)
            break
        pending.delete()
        applied += 1
    return applied, queued.all().count()  # .all(): a fresh count, not the list above


def page_changed(page):
    """After publish, unpublish or move: the engines get the page's current state."""
    if not engines.engine_backend_names():
        return
    page_id, names = page.pk, backends_for(page)
    transaction.on_commit(lambda: update(page_id, PendingIndexUpdate.Action.ADD, names))


def page_deleted(page):
    if not engines.engine_backend_names():
        return
    page_id, names = page.pk, backends_for(page)
    transaction.on_commit(lambda: update(page_id, PendingIndexUpdate.Action.DELETE, names))
