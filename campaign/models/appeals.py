"""Appeals and the organisations that sign them."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from django_countries.fields import CountryField

from core.blocks import BodyStreamBlock
from core.models import SitePage

from ..countries import SignatoryCountries, collation_key

# Languages campaign documents and counsellors come in: the site's five and the
# other languages the alliance's partners publish in.
from .documents import LanguageDocument, group_documents_by_language


class AppealPage(RoutablePageMixin, SitePage):
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

    search_fields = SitePage.search_fields + [
        index.SearchField("addressee"),
        index.SearchField("teaser"),
        index.SearchField("body"),
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
        from ..views import sign_appeal

        return sign_appeal(request, self)

    @path("sign/thanks/")
    def thanks(self, request):
        from ..views import thanks

        return thanks(request, self)


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
