"""Connects saves, deletions and page lifecycle signals to the queue (search/indexing.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from modelsearch.index import get_indexed_models

from . import indexing


@receiver(page_published)
@receiver(page_unpublished)
def _page_published_or_unpublished(sender, instance, **kwargs):
    indexing.page_changed(instance)


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    indexing.page_changed(instance)


@receiver(post_delete, sender=Page)
def _page_deleted(sender, instance, **kwargs):
    indexing.page_deleted(instance)


# What Wagtail's AUTO_UPDATE does for the database backend, queued for the node's backends.
def _object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.object_saved(instance)


def _object_deleted(sender, instance, **kwargs):
    indexing.object_deleted(instance)


def connect_indexed_models():
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.connect(_object_saved, sender=model, dispatch_uid=f"search-queue-{model}")
            post_delete.connect(
                _object_deleted, sender=model, dispatch_uid=f"search-queue-del-{model}"
            )


# The vocabulary learns the words of a page when it is published (search/vocabulary.py),
# unless the page is behind a password or a login: "Did you mean" would show them to anyone.
@receiver(page_published)
def _page_words_published(sender, instance, **kwargs):
    from core.privacy import public

    from . import vocabulary

    if public(Page.objects.filter(pk=instance.pk)).exists():
        vocabulary.add_page(instance)


# Editors' synonyms are kept with the other published lookups (core.content_cache): a
# change starts a new generation, so the next search uses it.
def _synonyms_changed(sender, instance, **kwargs):
    from django.db import transaction

    from core.page_cache import purge_page_cache

    transaction.on_commit(purge_page_cache)


def connect_synonyms():
    from .models import SearchSynonym

    post_save.connect(_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms-save")
    post_delete.connect(
        _synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms-delete"
    )
