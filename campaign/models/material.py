"""Campaign material: documents to download and share."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page
from wagtail.search import index

from core.models import SitePage

# Languages campaign documents and counsellors come in: the site's five and the
# other languages the alliance's partners publish in.
from .documents import LanguageDocument, group_documents_by_language


class MaterialPage(SitePage):
    """Campaign material to download and print (flyers, posters, statements), grouped by
    language. Edited by the campaign team."""

    introduction = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("What the material is for and how to use it at actions."),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("materials", heading=_("Documents"), label=_("Document")),
    ]

    parent_page_types = ["campaign.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign material")
        verbose_name_plural = _("campaign materials")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["document_groups"] = group_documents_by_language(
            self.materials.select_related("document")
        )
        return context


class MaterialDocument(LanguageDocument):
    page = ParentalKey(
        MaterialPage, on_delete=models.CASCADE, related_name="materials", verbose_name=_("page")
    )
    description = models.CharField(
        verbose_name=_("description"),
        max_length=250,
        blank=True,
        help_text=_("What it is, e.g. 'A3 poster, black and white'."),
    )

    panels = LanguageDocument.panels + [FieldPanel("description")]

    class Meta(LanguageDocument.Meta):
        verbose_name = _("material document")
        verbose_name_plural = _("material documents")
        unique_together = [("translation_key", "locale")]


# --- Help and the European network ---------------------------------------------
