"""Knowledge base pages: country profiles, legal rules and guides live here."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class KnowledgeIndexPage(Page):
    """The start page of the knowledge base in each language. Edited by the legal team;
    lists what the knowledge base holds."""

    introduction = models.TextField(
        help_text="Shown at the top: what readers find here and that it is not legal advice.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "knowledge base index"
