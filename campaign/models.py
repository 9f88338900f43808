"""Campaign pages: the section page, appeals with their signatory organisations, campaign
material, the help page with the European network, and the fundraising."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from django_countries.fields import CountryField

from core.blocks import BodyStreamBlock
from core.content_cache import CachedViewRestrictionsMixin, active_locale
from core.fields import MultipleChoiceField
from knowledge.queries import localized_country_names
from search.lemmas import LEMMA_SEARCH_FIELDS, page_lemmas

from .countries import SignatoryCountries, collation_key

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


class CampaignIndexPage(CachedViewRestrictionsMixin, Page):
    """The campaign section of one language: introduction and the appeals, material and
    fundraising below it. Edited by the campaign team."""

    show_in_menus_default = True  # a section of the site: in the main navigation

    introduction = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("Shown at the top: what the campaign demands and how to join."),
    )

    search_lemmas = page_lemmas  # base forms for the database search
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        *LEMMA_SEARCH_FIELDS,
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
        context["sections"] = self.get_children().live().specific()
        return context


# --- Appeals and signatories -------------------------------------------------


class AppealPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """An appeal to a parliament or government, with the organisations that signed it.
    Edited by the campaign team; organisations sign on the form at `sign/`, and the
    team approves or rejects each signature under Snippets › Signatory organisations."""

    addressee = models.CharField(
        verbose_name=_("addressee"),
        max_length=160,
        help_text=_("To whom the appeal is addressed, e.g. 'the German Bundestag'."),
    )
    teaser = models.TextField(
        verbose_name=_("teaser"),
        help_text=_("One or two sentences shown in lists and above the text."),
    )
    body = StreamField(
        BodyStreamBlock(),
        help_text=_("The text of the appeal with its demands."),
        verbose_name=_("body"),
    )
    signing_open = models.BooleanField(
        verbose_name=_("signing is open"),
        default=True,
        help_text=_("Untick to close the signature form, e.g. after handing over."),
    )

    search_lemmas = page_lemmas  # base forms for the database search
    search_fields = Page.search_fields + [
        index.SearchField("addressee"),
        index.SearchField("teaser"),
        index.SearchField("body"),
        *LEMMA_SEARCH_FIELDS,
    ]

    content_panels = Page.content_panels + [
        FieldPanel("addressee"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Downloads per language"), label=_("Document")),
        FieldPanel("signing_open"),
    ]

    override_translatable_fields = [SynchronizedField("signing_open")]

    parent_page_types = ["campaign.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def source_appeal(self):
        """The appeal in the default language: signatures belong to the appeal, not to
        one of its translations."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return (
            AppealPage.objects.filter(
                translation_key=self.translation_key, locale=Locale.get_default()
            ).first()
            or self
        )

    def approved_signatories(self):
        return Signatory.objects.filter(
            appeal__translation_key=self.translation_key, status=Signatory.Status.APPROVED
        )

    def signatory_context(self):
        """The signatories grouped by country, with the counters (1 query)."""
        signatories = list(self.approved_signatories())
        groups = {}
        for signatory in signatories:
            country = signatory.country.name if signatory.country else ""
            groups.setdefault(country, []).append(signatory)
        for members in groups.values():
            members.sort(key=lambda s: s.name.casefold())
        return {
            "signatory_groups": sorted(
                groups.items(), key=lambda item: (not item[0], collation_key(item[0]))
            ),
            "organisation_count": len(signatories),
            "country_count": len({s.country.code for s in signatories if s.country}),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.signatory_context())
        context["document_groups"] = group_documents_by_language(
            self.documents.select_related("document")
        )
        return context

    @path("")
    def appeal(self, request):
        return self.render(request)

    @path("sign/")
    def sign(self, request):
        from .views import sign_appeal

        return sign_appeal(request, self)

    @path("sign/thanks/")
    def thanks(self, request):
        from .views import thanks

        return thanks(request, self)


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


class AppealDocument(LanguageDocument):
    page = ParentalKey(
        AppealPage, on_delete=models.CASCADE, related_name="documents", verbose_name=_("page")
    )

    class Meta(LanguageDocument.Meta):
        verbose_name = _("appeal document")
        verbose_name_plural = _("appeal documents")
        unique_together = [("translation_key", "locale")]


def normalise_name(name):
    """'  Connection e. V.' → 'connection e v': case, spaces and punctuation do not
    make a different organisation."""
    return " ".join(re.sub(r"[\W_]+", " ", name.casefold()).split())


def normalise_website(url):
    """'https://www.Example.org/de/' → 'example.org'."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.removeprefix("www.").lower()


class Signatory(models.Model):
    """An organisation that signed an appeal. Submitted on the public form as pending;
    the campaign team approves or rejects it. Only the name, country and website of
    approved organisations are shown publicly, never the contact address."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    appeal = models.ForeignKey(
        AppealPage,
        on_delete=models.CASCADE,
        related_name="signatories",
        help_text=_("The appeal (in its original language; translations show the same list)."),
        verbose_name=_("appeal"),
    )
    name = models.CharField(
        verbose_name=_("name"), max_length=200, help_text=_("The organisation's name as it signs.")
    )
    # Any country (ISO 3166-1 code), not only those the knowledge base is about.
    country = CountryField(
        countries=SignatoryCountries,
        blank=True,
        verbose_name=_("country"),
        help_text=_("Where the organisation is based."),
    )
    website = models.URLField(
        verbose_name=_("website"), blank=True, help_text=_("Shown publicly as a link.")
    )
    contact_email = models.EmailField(
        verbose_name=_("contact e-mail address"),
        blank=True,
        help_text=_("For questions about the signature only. Never shown on the site."),
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        help_text=_("Only approved organisations appear on the appeal."),
    )
    submitted_at = models.DateTimeField(verbose_name=_("submitted at"), auto_now_add=True)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    website_key = models.CharField(max_length=200, editable=False, blank=True)

    panels = [
        FieldPanel("appeal"),
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("signatory organisation")
        verbose_name_plural = _("signatory organisations")
        ordering = ["-submitted_at"]
        constraints = [
            # The same organisation is published once. Pending and rejected signatures do
            # not count: a name someone else squatted and a moderator rejected stays free
            # for the real organisation.
            models.UniqueConstraint(
                fields=["appeal", "name_key", "country"],
                condition=models.Q(status="approved"),
                name="unique_approved_signatory_name_country",
            ),
            models.UniqueConstraint(
                fields=["appeal", "website_key"],
                condition=models.Q(status="approved") & ~models.Q(website_key=""),
                name="unique_approved_signatory_website",
            ),
            # The same submission (the form posted twice, even at the same moment) waits
            # for review once.
            models.UniqueConstraint(
                fields=["appeal", "name_key", "country", "website_key", "contact_email"],
                condition=models.Q(status="pending"),
                name="unique_pending_submission",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = normalise_name(self.name)
        self.website_key = normalise_website(self.website)
        super().save(*args, **kwargs)

    def changes_what_readers_see(self, created):
        """A new pending signature is not shown anywhere: posting the public form must not
        purge the page cache (core/page_cache.py). Approving or rejecting one does."""
        return not (created and self.status == self.Status.PENDING)

    def clean(self):
        super().clean()
        if self.status == self.Status.APPROVED and self.appeal_id:
            other = Signatory.duplicate_of(self.appeal, self.name, self.country, self.website)
            if other is not None and other.pk != self.pk:
                raise ValidationError(
                    {
                        "status": _(
                            "This organisation is already approved for this appeal "
                            "(“%(name)s”). Reject this signature instead."
                        )
                        % {"name": other.name}
                    }
                )

    @classmethod
    def duplicate_of(cls, appeal, name, country, website):
        """The published (approved) signature of the same organisation, if any."""
        same = models.Q(name_key=normalise_name(name), country=country)
        if normalise_website(website):
            same |= models.Q(website_key=normalise_website(website))
        return cls.objects.filter(same, appeal=appeal, status=cls.Status.APPROVED).first()


# --- Campaign material ---------------------------------------------------------


class MaterialPage(CachedViewRestrictionsMixin, Page):
    """Campaign material to download and print (flyers, posters, statements), grouped by
    language. Edited by the campaign team."""

    introduction = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("What the material is for and how to use it at actions."),
    )

    search_lemmas = page_lemmas  # base forms for the database search
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        *LEMMA_SEARCH_FIELDS,
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


class HelpPage(CachedViewRestrictionsMixin, Page):
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

    search_lemmas = page_lemmas  # base forms for the database search
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        *LEMMA_SEARCH_FIELDS,
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


class SupportedGroupBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), help_text=_("e.g. 'Ukrainian Pacifist Movement'."))
    country = blocks.CharBlock(
        label=_("Country"), required=False, help_text=_("Where the group works.")
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, help_text=_("What the money makes possible.")
    )
    url = blocks.URLBlock(label=_("Website"), required=False, help_text=_("The group's website."))

    class Meta:
        icon = "group"
        label = _("Supported group")


class FundraisingPage(CachedViewRestrictionsMixin, Page):
    """The fundraising for the groups of the European network: target, amount received,
    the groups supported and the bank details. Edited by the campaign team; there is no
    online payment."""

    introduction = models.TextField(
        verbose_name=_("introduction"), help_text=_("Why the money is needed and where it goes.")
    )
    target_amount = models.PositiveIntegerField(
        verbose_name=_("target amount"),
        help_text=_("The target in euros, whole euros, e.g. 250000."),
    )
    received_amount = models.PositiveIntegerField(
        verbose_name=_("received amount"),
        default=0,
        help_text=_("Euros received so far; update it when the accounts are checked."),
    )
    supported_groups = StreamField(
        [("group", SupportedGroupBlock())],
        blank=True,
        help_text=_("The groups the money goes to."),
        verbose_name=_("supported groups"),
    )
    account_holder = models.CharField(
        verbose_name=_("account holder"), max_length=160, help_text=_("Name on the bank account.")
    )
    iban = models.CharField(
        _("IBAN"), max_length=42, help_text=_("With spaces every four characters.")
    )
    bic = models.CharField(
        _("BIC"), max_length=11, blank=True, help_text=_("The bank's BIC (SWIFT).")
    )
    bank_name = models.CharField(
        verbose_name=_("bank name"), max_length=160, blank=True, help_text=_("The bank's name.")
    )
    payment_reference = models.CharField(
        verbose_name=_("payment reference"),
        max_length=140,
        blank=True,
        help_text=_("What donors write as reference, e.g. 'ObjectWar'."),
    )

    search_lemmas = page_lemmas  # base forms for the database search
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("supported_groups"),
        *LEMMA_SEARCH_FIELDS,
    ]

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("target_amount"), FieldPanel("received_amount")]),
        FieldPanel("supported_groups"),
        MultiFieldPanel(
            [
                FieldPanel("account_holder"),
                FieldPanel("iban"),
                FieldPanel("bic"),
                FieldPanel("bank_name"),
                FieldPanel("payment_reference"),
            ],
            heading=_("Bank details"),
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("target_amount"),
        SynchronizedField("received_amount"),
        SynchronizedField("account_holder"),
        SynchronizedField("iban"),
        SynchronizedField("bic"),
        SynchronizedField("bank_name"),
        SynchronizedField("payment_reference"),
    ]

    parent_page_types = ["campaign.CampaignIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("fundraising")
        verbose_name_plural = _("fundraising pages")

    @property
    def percent_received(self):
        if not self.target_amount:
            return 0
        return min(100, round(100 * self.received_amount / self.target_amount))
