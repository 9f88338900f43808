from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import SitePage


class SafetyPage(SitePage):
    """ "Read this site safely": how to read without leaving traces (Tor Browser, private
    windows, history, shared devices) and what the site itself keeps. One per language,
    linked from every page's footer, not from the main navigation."""

    introduction = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences: whom this page is for and what it helps with."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        help_text=_(
            "The advice, under short headings. Say only what the site really does: the "
            "developers' docs/production.md lists what it keeps."
        ),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("safe reading page")
        verbose_name_plural = _("safe reading pages")
