"""The home page of each locale and the site-wide help channels."""

from datetime import time

from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.content_cache import CachedSiteSetting, localized
from core.models import SitePage
from core.privacy import is_private


class HomePage(SitePage):
    """The front page in each language: the campaign headline and the way into the
    knowledge base. Edited by the campaign team in English, then translated."""

    headline = models.CharField(
        verbose_name=_("headline"),
        max_length=255,
        help_text=_("The campaign's main message, shown large at the top of the page."),
    )
    introduction = models.TextField(
        verbose_name=_("introduction"),
        help_text=_(
            "Two or three sentences under the headline: who the alliance is, whom it helps."
        ),
    )
    knowledge_call = models.CharField(
        _("call to the knowledge base"),
        max_length=120,
        help_text=_(
            "Text of the button that leads to the knowledge base, "
            "e.g. 'Know the law before you answer a summons'."
        ),
    )
    knowledge_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The knowledge base start page. Each language shows its own translation of it."
        ),
        verbose_name=_("knowledge page"),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("headline"),
        index.SearchField("introduction"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("headline"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("knowledge_call"), PageChooserPanel("knowledge_page")],
            heading=_("Knowledge base"),
        ),
    ]

    # The link is the same page in every language: keep it in sync with the
    # English source and resolve it to the reader's language when rendering.
    override_translatable_fields = [SynchronizedField("knowledge_page")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "knowledge.KnowledgeIndexPage",
        "news.NewsIndexPage",
        "campaign.CampaignIndexPage",
        "campaign.HelpPage",
        "safety.SafetyPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        knowledge = self.knowledge_page
        if knowledge is not None:
            # Deferred: the template needs its URL and routes, not its fields (no query).
            knowledge = localized(knowledge).specific_deferred
            # A private knowledge base is not announced: its buttons would lead to a
            # password form.
            shown = knowledge.live and not is_private(knowledge)
            context["knowledge_page"] = knowledge if shown else None
        return context


LOWER_CASE_WEEKDAYS = {"ru", "uk", "be"}
WEEKDAY_CHOICES = [(number, name) for number, name in WEEKDAYS.items()]


@register_setting(icon="help")
class HelpChannels(CachedSiteSetting, BaseSiteSetting):
    """How people reach the counsellors. Shown on the home page and in the footer of
    every page, so a reader in trouble never has to look for it."""

    telegram_channel_name = models.CharField(
        verbose_name=_("channel name"),
        max_length=120,
        blank=True,
        help_text=_("As people see it in Telegram, e.g. 'Connection e.V. на русском'."),
    )
    telegram_channel_url = models.URLField(
        verbose_name=_("channel address"),
        blank=True,
        help_text=_("The channel's public link, e.g. https://t.me/..."),
    )
    hotline_number = models.CharField(
        verbose_name=_("phone number"),
        max_length=40,
        blank=True,
        help_text=_("In international format, e.g. +49 69 8237 5534."),
    )
    hotline_first_day = models.PositiveSmallIntegerField(
        verbose_name=_("first day"),
        choices=WEEKDAY_CHOICES,
        default=0,
        help_text=_("First weekday the hotline is staffed."),
    )
    hotline_last_day = models.PositiveSmallIntegerField(
        verbose_name=_("last day"),
        choices=WEEKDAY_CHOICES,
        default=4,
        help_text=_("Last weekday the hotline is staffed."),
    )
    hotline_opens = models.TimeField(
        verbose_name=_("opens at"),
        default=time(10, 0),
        help_text=_("Opening time, Berlin time."),
    )
    hotline_closes = models.TimeField(
        verbose_name=_("closes at"),
        default=time(16, 0),
        help_text=_("Closing time, Berlin time."),
    )
    email = models.EmailField(
        verbose_name=_("e-mail address"), blank=True, help_text=_("Address for written questions.")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("telegram_channel_name"), FieldPanel("telegram_channel_url")],
            heading=_("Telegram"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline_number"),
                FieldPanel("hotline_first_day"),
                FieldPanel("hotline_last_day"),
                FieldPanel("hotline_opens"),
                FieldPanel("hotline_closes"),
            ],
            heading=_("Counselling hotline"),
        ),
        FieldPanel("email"),
    ]

    class Meta:
        verbose_name = _("help channels")
        verbose_name_plural = _("help channels")

    @property
    def hotline_days(self):
        """The staffed days in the reader's language, e.g. 'Monday–Friday', 'понедельник–
        пятница' (Django's names are capitalised for a calendar's header; Russian, Ukrainian
        and Belarusian write weekdays in lower case inside a sentence)."""
        days = [str(WEEKDAYS[self.hotline_first_day])]
        if self.hotline_last_day != self.hotline_first_day:
            days.append(str(WEEKDAYS[self.hotline_last_day]))
        if get_language() in LOWER_CASE_WEEKDAYS:
            days = [day.lower() for day in days]
        return "–".join(days)

    @property
    def hotline_tel_uri(self):
        return "tel:" + "".join(ch for ch in self.hotline_number if ch.isdigit() or ch == "+")

    @property
    def is_empty(self):
        return not (self.telegram_channel_url or self.hotline_number or self.email)
