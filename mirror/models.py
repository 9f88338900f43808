"""The mirror list editors maintain, and the queue of pages the static copy must re-render."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class MirrorAddress(TranslatableMixin, models.Model):
    """One other address where readers find this site: another https host, a Tor onion
    address, an object-storage website. Listed on the "Other addresses" page in every
    language and in the notice of every page of a mirror copy. The address and its kind are
    the same in every language; only the note is translated."""

    class Kind(models.TextChoices):
        HTTPS = "https", _("Website (https)")
        ONION = "onion", _("Tor onion service")
        STORAGE = "storage", _("Object storage")

    url = models.URLField(
        verbose_name=_("address"),
        max_length=500,
        help_text=_(
            "The full address readers open, e.g. https://mirror.example.org/ or "
            "http://….onion/ (onion services need no https)."
        ),
    )
    kind = models.CharField(
        verbose_name=_("kind of address"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.HTTPS,
    )
    note = models.CharField(
        verbose_name=_("note"),
        max_length=200,
        blank=True,
        help_text=_("Shown next to the address, e.g. 'Open in Tor Browser' or 'Updated daily'."),
    )
    sort_order = models.PositiveSmallIntegerField(
        verbose_name=_("position"),
        default=0,
        help_text=_("Lower numbers are listed first."),
    )

    translatable_fields = [
        TranslatableField("note"),
        SynchronizedField("url"),
        SynchronizedField("kind"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("mirror address")
        verbose_name_plural = _("mirror addresses")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.url


class PendingMirrorExport(models.Model):
    """A page whose files in the static copy are out of date (published, unpublished, moved,
    deleted). Written by signals in the editor's transaction; `manage.py export_mirror DIR
    --pending` re-renders the page and what lists it, then deletes the rows. Never shown in
    the admin."""

    # Not a foreign key: deleted pages are queued too (their files must go).
    page_id = models.PositiveIntegerField(verbose_name=_("page ID"), unique=True)
    url_path = models.CharField(verbose_name=_("address when queued"), max_length=1000, blank=True)
    language_code = models.CharField(verbose_name=_("language"), max_length=20, blank=True)
    # The page's language versions link to it: when it leaves the copy they are re-rendered,
    # even after the page itself is deleted.
    translation_key = models.UUIDField(verbose_name=_("translation key"), null=True, blank=True)
    queued_at = models.DateTimeField(verbose_name=_("queued at"), auto_now=True)

    class Meta:
        verbose_name = _("page waiting for the mirror copy")
        verbose_name_plural = _("pages waiting for the mirror copy")
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return f"page {self.page_id} ({self.url_path})"
