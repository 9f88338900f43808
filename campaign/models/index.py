"""The campaign section's start page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.models import SitePage
from core.privacy import public

# Languages campaign documents and counsellors come in: the site's five and the
# other languages the alliance's partners publish in.


class CampaignIndexPage(SitePage):
    """The campaign section of one language: introduction and the appeals, material and
    fundraising below it. Edited by the campaign team."""

    show_in_menus_default = True  # a section of the site: in the main navigation

    introduction = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("Shown at the top: what the campaign demands and how to join."),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
    ]

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaign.AppealPage", "campaign.MaterialPage", "campaign.FundraisingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign section")
        verbose_name_plural = _("campaign sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = public(self.get_children().live()).specific()
        return context


# --- Appeals and signatories -------------------------------------------------
