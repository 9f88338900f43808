"""The help page: hotlines, counselling and the European network of contacts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import MultipleChoiceField
from core.models import SitePage
from knowledge.queries import localized_country_names

# Languages campaign documents and counsellors come in: the site's five and the
# other languages the alliance's partners publish in.
from .documents import LANGUAGE_CHOICES


class HelpPage(SitePage):
    """Where people at risk get help: the counselling channels (from the site's help
    channels setting) and the European network of partner organisations by country.
    Edited by the counselling team."""

    show_in_menus_default = True  # a section of the site: in the main navigation

    introduction = models.TextField(
        verbose_name=_("introduction"),
        help_text=_("Whom the counsellors help and what to expect, in plain words."),
    )
    hotline_languages = MultipleChoiceField(
        verbose_name=_("hotline languages"),
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text=_("Languages the counselling hotline answers in."),
    )

    # Readers look for a counsellor by the organisation's name or city ("Наш дом", "Vilnius").
    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields(
            "network",
            [
                index.SearchField("name"),
                index.SearchField("city"),
                index.SearchField("description"),
            ],
        ),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hotline_languages"),
        InlinePanel("network", heading=_("European network"), label=_("Partner organisation")),
    ]

    override_translatable_fields = [SynchronizedField("hotline_languages")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help page")
        verbose_name_plural = _("help pages")

    def hotline_language_names(self):
        labels = dict(LANGUAGE_CHOICES)
        return [labels[code] for code in self.hotline_languages if code in labels]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contacts = list(self.network.select_related("country"))
        names = localized_country_names(c.country for c in contacts)
        by_country = {}
        for contact in contacts:
            by_country.setdefault(contact.country.code, (names[contact.country_id], []))[1].append(
                contact
            )
        chosen = request.GET.get("country", "")
        countries = sorted(
            ((code, name) for code, (name, _contacts) in by_country.items()), key=lambda c: c[1]
        )
        shown = (
            [by_country[chosen]]
            if chosen in by_country
            else [by_country[code] for code, _name in countries]
        )
        context.update(
            network_countries=countries,
            network_country=chosen if chosen in by_country else "",
            network_groups=shown,
        )
        return context


class NetworkContact(TranslatableMixin, Orderable):
    """A partner organisation of the European network in one country."""

    page = ParentalKey(
        HelpPage, on_delete=models.CASCADE, related_name="network", verbose_name=_("page")
    )
    name = models.CharField(
        verbose_name=_("name"), max_length=160, help_text=_("The organisation's name.")
    )
    country = models.ForeignKey(
        "knowledge.Country",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the organisation works (the English entry)."),
        verbose_name=_("country"),
    )
    city = models.CharField(
        verbose_name=_("city"),
        max_length=80,
        blank=True,
        help_text=_("City, if it matters for visits."),
    )
    description = models.TextField(
        verbose_name=_("description"),
        blank=True,
        help_text=_("What they help with, in one or two sentences."),
    )
    languages = MultipleChoiceField(
        verbose_name=_("languages"),
        choices=LANGUAGE_CHOICES,
        help_text=_("Languages the counsellors speak."),
    )
    website = models.URLField(verbose_name=_("website"), blank=True, help_text=_("Public website."))
    email = models.EmailField(
        verbose_name=_("e-mail address"), blank=True, help_text=_("Public contact address.")
    )
    phone = models.CharField(
        verbose_name=_("phone"),
        max_length=40,
        blank=True,
        help_text=_("In international format, e.g. +370 5 123 4567."),
    )
    telegram = models.URLField(
        verbose_name=_("telegram"),
        blank=True,
        help_text=_("Public Telegram link, e.g. https://t.me/..."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("country"), FieldPanel("city")]),
        FieldPanel("description"),
        FieldPanel("languages"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("telegram")]),
    ]

    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("country"),
        SynchronizedField("languages"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def language_names(self):
        labels = dict(LANGUAGE_CHOICES)
        return [labels[code] for code in self.languages if code in labels]

    @property
    def tel_uri(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


# --- Fundraising -----------------------------------------------------------------
