"""The application builder's page: one per country and language, maintained by the legal team.

What it holds is legal content (the legal basis, the Russian wording of the application, the
deadlines), so it is a ReviewedMixin page under the knowledge base: it is published only by
the "Legal review" workflow, like rules and guides (knowledge/review.py), and a publish outside
it shows readers the same "changed since the last legal review" warning.

The application is written in Russian, the language the authority requires, whatever language
the page is in: its wording is synchronised to every translation (wagtail-localize does not
offer it to translators), while the explanations around it are translated.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from core.content_cache import localized
from core.models import SitePage
from knowledge.models.countries import shared_country
from knowledge.models.pages import FollowsEnglishMixin, ReviewedMixin

# What the application's wording may contain, filled in from the reader's answers.
PLACEHOLDERS = {
    "commissariat": _("the military commissariat"),
    "name": _("the applicant's full name"),
    "birth_date": _("the date of birth"),
    "address": _("the address"),
    "grounds": _("the Russian wording of the kind of reasons chosen"),
    "reasons": _("the reasons in the applicant's words"),
    "witnesses": _("the people who can confirm the reasons"),
    "attachments": _("the numbered list of attachments chosen"),
    "date": _("a blank line for the date, written by hand when handing it in"),
}
REQUIRED_PLACEHOLDERS = ("name", "reasons")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

MONTH_CHOICES = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]
DAYS_IN_MONTH = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30}


class RussianWordingBlock(blocks.CharBlock):
    """Text that goes into the Russian application as it is: wagtail-localize does not offer
    it to translators, so every translation keeps the reviewed original's wording."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class AttachmentBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("what to bring"),
        help_text=_("In the page's language, e.g. “An autobiography”."),
    )
    wording_ru = RussianWordingBlock(
        label=_("Russian wording"),
        help_text=_("As it is listed in the application, in Russian, e.g. “Автобиография”."),
    )
    note = blocks.TextBlock(
        label=_("note"),
        required=False,
        help_text=_("Optional: what the reader should know about it, in the page's language."),
    )

    class Meta:
        label = _("attachment")
        icon = "doc-full"


class DeadlineBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("label"),
        help_text=_("E.g. “Application deadline for dispatch in the autumn period”."),
    )
    day = blocks.IntegerBlock(label=_("day"), min_value=1, max_value=31)
    month = blocks.ChoiceBlock(label=_("month"), choices=MONTH_CHOICES)
    dispatch_period = blocks.CharBlock(
        label=_("dispatch period"),
        help_text=_("The months of the dispatch period it serves, e.g. “October–December”."),
    )
    dispatch_year = blocks.ChoiceBlock(
        label=_("year of the dispatch period"),
        choices=[("0", _("the same year as the deadline")), ("1", _("the year after"))],
        default="0",
    )
    source = blocks.CharBlock(
        label=_("source"),
        help_text=_("The law and article, or the report, that gives this deadline."),
    )

    class Meta:
        label = _("deadline")
        icon = "date"

    def clean(self, value):
        value = super().clean(value)
        month = int(value["month"])
        if value["day"] > DAYS_IN_MONTH.get(month, 31) or (month == 2 and value["day"] > 28):
            raise blocks.StructBlockValidationError(
                block_errors={"day": ValidationError(_("This month has no such day every year."))}
            )
        return value


class ApplicationBuilderPage(FollowsEnglishMixin, ReviewedMixin, SitePage):
    """An application for alternative civilian service, built from a reader's answers in the
    response only (alternative_service/views.py): the country's legal basis, what to write and
    bring, the wording of the application in Russian and the deadlines."""

    # Listed in Reports → Legal content due for review (knowledge/reports.py).
    review_report_label = _("Application builder")

    country = models.ForeignKey(
        "knowledge.Country",
        on_delete=models.PROTECT,
        related_name="application_builders",
        verbose_name=_("country"),
        help_text=_("The country whose alternative service this page is about."),
    )
    introduction = models.TextField(
        verbose_name=_("introduction"),
        help_text=_(
            "Who can apply, how long the service lasts, and that this is not legal advice."
        ),
    )
    legal_basis = models.CharField(
        verbose_name=_("legal basis"),
        max_length=300,
        help_text=_("The law and article the application relies on, in the page's language."),
    )
    reasons_help = models.TextField(
        verbose_name=_("what “reasons” means"),
        help_text=_("Shown next to the reasons field: what the law accepts and how to explain it."),
    )
    authority_help = models.CharField(
        verbose_name=_("where to hand it in"),
        max_length=300,
        help_text=_("Shown next to the commissariat field: which office, and how to name it."),
    )
    attachments = StreamField(
        [("attachment", AttachmentBlock())],
        blank=True,
        verbose_name=_("attachments"),
        help_text=_("What to bring with the application; readers tick what they bring."),
    )
    handing_in = models.TextField(
        verbose_name=_("handing it in"),
        help_text=_(
            "In person or not, and to keep a copy stamped by the office or ask for its incoming "
            "number."
        ),
    )
    deadlines = StreamField(
        [("deadline", DeadlineBlock())],
        blank=True,
        verbose_name=_("deadlines"),
        help_text=_(
            "Every year's application deadlines, each with the dispatch period it serves. Leave "
            "empty when the sources give none: readers are then told to ask a counsellor, and "
            "the calendar has no events."
        ),
    )
    no_deadlines_note = models.TextField(
        verbose_name=_("when there are no deadlines"),
        blank=True,
        help_text=_("Shown instead of a deadline when the list above is empty."),
    )
    grounds_beliefs_ru = models.TextField(
        verbose_name=_("Russian wording: beliefs"),
        blank=True,
        help_text=_("Goes into the application for “beliefs”. Empty: the choice is not offered."),
    )
    grounds_religion_ru = models.TextField(
        verbose_name=_("Russian wording: religion"),
        blank=True,
        help_text=_("Goes into the application for “religion”. Empty: the choice is not offered."),
    )
    grounds_indigenous_ru = models.TextField(
        verbose_name=_("Russian wording: indigenous people"),
        blank=True,
        help_text=_(
            "Goes into the application for “belonging to an indigenous small people”. Empty: "
            "the choice is not offered."
        ),
    )
    application_template = models.TextField(
        verbose_name=_("application wording (Russian)"),
        help_text=_(
            "The application as the authority expects it, in Russian, the same in every "
            "language version. Placeholders in braces are filled in from the form: {commissariat}, "
            "{name}, {birth_date}, {address}, {grounds}, {reasons}, {witnesses}, {attachments}, "
            "{date}. A paragraph (or line) whose placeholders are all left empty is left out."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("introduction"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [
                FieldPanel("reasons_help"),
                FieldPanel("authority_help"),
                FieldPanel("attachments"),
                FieldPanel("handing_in"),
            ],
            heading=_("Explanations"),
        ),
        MultiFieldPanel(
            [FieldPanel("deadlines"), FieldPanel("no_deadlines_note")], heading=_("Deadlines")
        ),
        MultiFieldPanel(
            [
                FieldPanel("grounds_beliefs_ru"),
                FieldPanel("grounds_religion_ru"),
                FieldPanel("grounds_indigenous_ru"),
                FieldPanel("application_template"),
            ],
            heading=_("The application in Russian"),
        ),
        MultiFieldPanel([FieldPanel("last_reviewed", read_only=True)], heading=_("Legal review")),
    ]

    # The application is in Russian in every language version (the authority's language).
    override_translatable_fields = [
        SynchronizedField("country"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("grounds_beliefs_ru"),
        SynchronizedField("grounds_religion_ru"),
        SynchronizedField("grounds_indigenous_ru"),
        SynchronizedField("application_template"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("application builder")
        verbose_name_plural = _("application builders")

    def clean(self):
        super().clean()
        used = set(PLACEHOLDER.findall(self.application_template or ""))
        unknown = sorted(used - PLACEHOLDERS.keys())
        missing = [name for name in REQUIRED_PLACEHOLDERS if name not in used]
        errors = []
        if unknown:
            errors.append(
                _("Unknown placeholders: %(names)s. Allowed: %(allowed)s.")
                % {
                    "names": ", ".join(f"{{{n}}}" for n in unknown),
                    "allowed": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS),
                }
            )
        if missing:
            errors.append(
                _("The wording needs these placeholders: %(names)s.")
                % {"names": ", ".join(f"{{{n}}}" for n in missing)}
            )
        if not any(self.grounds_choices_ru().values()):
            errors.append(_("Give the Russian wording of at least one kind of reasons."))
        if errors:
            raise ValidationError({"application_template": errors})

    def grounds_choices_ru(self):
        return {
            "beliefs": self.grounds_beliefs_ru,
            "religion": self.grounds_religion_ru,
            "indigenous": self.grounds_indigenous_ru,
        }

    def get_context(self, request, *args, **kwargs):
        from .views import builder_context

        context = super().get_context(request, *args, **kwargs)
        context.update(builder_context(self, request, kwargs.get("form")))
        return context

    @property
    def country_name(self):
        return localized(shared_country(self.country_id, page=self)).name
