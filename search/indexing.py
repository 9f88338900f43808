"""Keeping the search node's indexes in step with the site, without anyone waiting for it.

No request writes to the node. A change only writes a PendingIndexUpdate row, in the
transaction of the change (a cheap database write; rolled back with it):

- a save or deletion of any indexed model (pages, images, documents, countries) is queued
  for the backends that hold every language ("default"), as Wagtail's AUTO_UPDATE did;
- a page's publication, unpublication, move or deletion is queued for those and for the
  backend of the page's language (search/backend_settings.py), which holds that language only.

The queue worker applies the rows with the node's longer index timeout: `manage.py
search_index_worker` runs beside gunicorn and looks at the queue every few seconds; `manage.py
rebuild_search_indexes --pending` does one pass (cron). The database backend "fallback" is
still updated by Wagtail at once, so search answers from it while the node lags or is down.
"""

import logging
import time

from django.apps import apps
from django.db import close_old_connections

from wagtail.models import Page

from modelsearch.backends.base import get_model_root
from modelsearch.index import class_is_indexed, get_indexed_instance, get_indexed_models

from . import node, routing
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

Action = PendingIndexUpdate.Action

# Rows applied per pass of the worker; the next pass takes the rest.
BATCH = 200
# A row that keeps failing on its own (the node refuses that document) is tried again less
# often as the worker backs off, but is kept: a rebuild or a later fix applies it.
MAX_IDLE_SECONDS = 60
MAX_ATTEMPTS_COUNTED = 32767  # the column's limit (PositiveSmallIntegerField)


def all_languages_backend_names():
    """The node backends that hold every language ("default")."""
    languages = set(routing.language_backend_names())
    return [name for name in routing.engine_backend_names() if name not in languages]


def backends_for(page):
    """Names of the node backends that should hold `page`."""
    language = page.locale.language_code
    return [
        name
        for name in routing.engine_backend_names()
        if name == language or name not in routing.language_backend_names()
    ]


def root_label(model):
    return get_model_root(model)._meta.label_lower


def queue(backend_names, model, object_id, action):
    """Record that `backend_names` must add (re-read) or delete one object."""
    if not backend_names:
        return
    label = root_label(model)
    for name in backend_names:
        PendingIndexUpdate.objects.update_or_create(
            backend=name,
            model=label,
            object_id=object_id,
            defaults={"action": action, "attempts": 0},
        )


# Signal handlers (search/signals.py).


def object_saved(instance):
    if class_is_indexed(type(instance)) and instance.pk is not None:
        queue(all_languages_backend_names(), type(instance), instance.pk, Action.ADD)


def object_deleted(instance):
    if class_is_indexed(type(instance)) and instance.pk is not None:
        queue(all_languages_backend_names(), type(instance), instance.pk, Action.DELETE)


def page_changed(page):
    """After publish, unpublish or move: the node learns the page's current state."""
    if routing.engine_backend_names():
        queue(backends_for(page), Page, page.pk, Action.ADD)


def page_deleted(page):
    if routing.engine_backend_names():
        queue(backends_for(page), Page, page.pk, Action.DELETE)


# Applying the queue (the worker, `rebuild_search_indexes --pending`).


def ensure_index(backend, model=Page):
    """Create the model's index with its language's settings if it does not exist yet, so a
    first update cannot make the node invent an index with default analysis."""
    index = backend.get_index_for_model(model)
    if not index.exists():
        index.put()
        root = get_model_root(model)
        for indexed in get_indexed_models():
            if issubclass(indexed, root):
                index.add_model(indexed)
    return index


def apply(pending, ensured=None):
    """Send one queued update to the node (raises what the node raises)."""
    backend = routing.backend(pending.backend)
    model = apps.get_model(pending.model)
    key = (pending.backend, pending.model)
    if ensured is None or key not in ensured:
        ensure_index(backend, model)
        if ensured is not None:
            ensured.add(key)
    instance = None
    if pending.action == Action.ADD:
        found = model._default_manager.filter(pk=pending.object_id).first()
        instance = get_indexed_instance(found) if found is not None else None
    if instance is None:  # deleted, or deleted meanwhile: make sure the index forgets it
        backend.delete(model(pk=pending.object_id))
    else:
        backend.add(instance)


def catch_up(backend_name=None, limit=None):
    """Apply queued updates (of one backend, or all), oldest first; stops at the first sign
    that the node is down. Returns (applied, still pending)."""
    queued = PendingIndexUpdate.objects.all()
    if backend_name:
        queued = queued.filter(backend=backend_name)
    applied = 0
    ensured = set()
    for pending in list(queued[:limit] if limit else queued):
        try:
            apply(pending, ensured)
        except Exception as error:
            PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                attempts=min(pending.attempts + 1, MAX_ATTEMPTS_COUNTED)
            )
            if node.is_outage(error):
                logger.warning("Search node unreachable for %s: %s", pending, error)
                break
            logger.error("Search node refused %s: %s", pending, error)
            continue
        # Only if nothing was queued for the object meanwhile (that change is still to apply).
        PendingIndexUpdate.objects.filter(pk=pending.pk, queued_at=pending.queued_at).delete()
        applied += 1
    return applied, queued.all().count()  # .all(): counted again, not the list above


def work(should_stop, interval=2.0, sleep=time.sleep):
    """The worker's loop: apply the queue, wait `interval` seconds (longer while the node
    fails), repeat until `should_stop()`."""
    idle = interval
    while not should_stop():
        close_old_connections()  # a long-running process must not keep a dead connection
        try:
            applied, left = catch_up(limit=BATCH)
        except Exception:  # the database: try again later, never exit
            logger.exception("Search index queue unreadable")
            applied, left = 0, 1
        if applied and left:
            idle = interval
            continue  # more to do: no pause
        idle = interval if not left else min(idle * 2, MAX_IDLE_SECONDS)
        sleep(idle)
