"""Downloadable documents in several languages (appeals and material use them)."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.content_cache import active_locale

# Languages campaign documents and counsellors come in: the site's five and the
# other languages the alliance's partners publish in.


MATERIAL_LANGUAGE_CODES = ["en", "de", "ru", "uk", "be", "fr", "es", "it", "pl", "lt", "fi", "ka"]


def _language_name(code):
    return get_language_info(code)["name_local"]


LANGUAGE_CHOICES = [(code, _language_name(code).capitalize()) for code in MATERIAL_LANGUAGE_CODES]


def language_sort_key(code):
    """The reader's language first, then the order of MATERIAL_LANGUAGE_CODES."""
    active = active_locale().language_code
    return (code != active, MATERIAL_LANGUAGE_CODES.index(code))


def group_documents_by_language(rows):
    """[(language code, language name, [rows])] for rows with `.language`."""
    groups = {}
    for row in rows:
        groups.setdefault(row.language, []).append(row)
    labels = dict(LANGUAGE_CHOICES)
    return [
        (code, labels.get(code, code), groups[code])
        for code in sorted(groups, key=language_sort_key)
    ]


class LanguageDocument(TranslatableMixin, Orderable):
    """A downloadable document in one language (abstract: appeals and material use it)."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The file; its size and type are shown next to the link."),
        verbose_name=_("document"),
    )
    language = models.CharField(
        verbose_name=_("language"),
        max_length=8,
        choices=LANGUAGE_CHOICES,
        help_text=_("The language the document is written in."),
    )
    label = models.CharField(
        verbose_name=_("label"),
        max_length=160,
        blank=True,
        help_text=_("Link text; the document's title if empty."),
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("document")]), FieldPanel("label")]

    override_translatable_fields = [SynchronizedField("document")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
