"""Fundraising for the groups the alliance supports."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import SitePage

# Languages campaign documents and counsellors come in: the site's five and the
# other languages the alliance's partners publish in.


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


class FundraisingPage(SitePage):
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

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("supported_groups"),
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
