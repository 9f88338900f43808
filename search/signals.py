"""Connects page lifecycle signals to search/indexing.py."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

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
