"""Publishing queues the page for the static copy (`export_mirror --pending`); nothing is
rendered here, so an editor's request never waits for the export."""

from django.db.models.signals import post_delete, post_save


def queue_page(page):
    from .models import PendingMirrorExport

    try:
        url = page.get_url() or ""
    except Exception:  # noqa: BLE001 - a page outside any site has no URL; still queued
        url = ""
    PendingMirrorExport.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "url_path": url[:1000],
            "language_code": page.locale.language_code,
            "translation_key": page.translation_key,
        },
    )


def _page_changed(sender, instance, **kwargs):
    queue_page(instance)


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live:
        queue_page(instance)


def _privacy_changed(sender, instance, **kwargs):
    # A page put behind a password or a login leaves the copy like an unpublished one (its
    # subpages with it); one made public again is exported (mirror/export.py, _affected).
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None and page.live:
        queue_page(page)


def _address_changed(sender, instance, **kwargs):
    # The list is on every page of a copy: the next run re-renders everything.
    from .models import PendingMirrorExport

    PendingMirrorExport.objects.update_or_create(page_id=0, defaults={"url_path": "*"})


def connect():
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import MirrorAddress

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"mirror-queue-{id(signal)}")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="mirror-queue-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            _privacy_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"mirror-queue-privacy-{id(signal)}",
        )
    post_save.connect(_address_changed, sender=MirrorAddress, dispatch_uid="mirror-address-save")
    post_delete.connect(_address_changed, sender=MirrorAddress, dispatch_uid="mirror-address-del")
