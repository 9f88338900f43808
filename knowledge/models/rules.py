"""Legal rules: the structured facts a country profile is made of.

Each rule is a row (an inline orderable on its CountryProfilePage), not prose, so the
at-a-glance box, the comparison matrix and the situation guide can all be derived
from the same data, and wagtail-localize translates the text of each rule while
keeping its numbers, dates and choices in sync with the English source.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceLabelMixin, MultipleChoiceField, choice_labels


class Topic(models.TextChoices):
    CONSCRIPTION = "conscription", _("Conscription")
    OBJECTION = "objection", _("Conscientious objection and alternative service")
    MOBILIZATION = "mobilization", _("Mobilisation")
    EVASION = "evasion", _("Draft evasion")
    DESERTION = "desertion", _("Desertion")
    REFUSAL = "refusal", _("Refusal to fight, surrender")
    LEAVING = "leaving", _("Leaving the country")
    ASYLUM = "asylum", _("Asylum prospects abroad")


class AffectedGroup(models.TextChoices):
    CONSCRIPTS = "conscripts", _("conscripts")
    # Everyone in the reserve, not only reservists in the narrow legal sense of Russia,
    # Ukraine and Belarus (docs/translation.md): the stored value stays.
    RESERVISTS = "reservists", _("people in the reserve")
    MOBILIZED = "mobilized", _("mobilised soldiers")
    CONTRACT = "contract", _("contract soldiers")
    EVADERS = "evaders", _("draft evaders")
    DESERTERS = "deserters", _("deserters")


class RuleStatus(models.TextChoices):
    IN_FORCE = "in_force", _("in force")
    SUSPENDED = "suspended", _("suspended")
    REPEALED = "repealed", _("repealed")
    PROPOSED = "proposed", _("proposed")


class PenaltyKind(models.TextChoices):
    NONE = "none", _("no penalty")
    ADMINISTRATIVE = "administrative", _("administrative penalty")
    CRIMINAL = "criminal", _("criminal penalty")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("yes")
    LIMITED = "limited", _("limited")
    UNAVAILABLE = "unavailable", _("no")


class SourceKind(models.TextChoices):
    LAW = "law", _("law or decree")
    COURT = "court", _("court decision")
    OFFICIAL = "official", _("official statement")
    REPORT = "report", _("report")
    NEWS = "news", _("news")


class SourceValue(blocks.StructValue):
    @property
    def kind_label(self):
        return choice_labels(SourceKind).get(self.get("kind") or "", "")


class SourceBlock(blocks.StructBlock):
    """A law, decision, statement or report a rule or guide relies on. wagtail-localize
    offers the title, issuer and no-online-copy reason to translators; the kind and the
    dates are kept in sync with the original, and the address too unless a translator
    overrides it (e.g. with the text in the reader's language)."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=SourceKind.choices,
        help_text=_(
            "What sort of source it is. Prefer the law, decision or statement itself "
            "to a report about it."
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"), help_text=_("Title of the law, decision, article or report.")
    )
    issuer = blocks.CharBlock(
        label=_("Issuer"),
        required=False,
        help_text=_("Who issued or reported it, e.g. 'State Duma', 'TASS'."),
    )
    url = blocks.URLBlock(
        label=_("Address"),
        required=False,
        help_text=_(
            "Where readers can check it: the official or a reputable consolidated text, "
            "at the article where possible."
        ),
    )
    no_online_copy = blocks.CharBlock(
        label=_("No online copy"),
        required=False,
        # Sources saved before this field existed get "", not None: wagtail-localize cannot
        # extract a None text for translators.
        default="",
        help_text=_("Only if there is no address to give: why, and where the text can be found."),
    )
    date = blocks.DateBlock(
        label=_("Date"), required=False, help_text=_("Date of the law, decision or report.")
    )
    checked = blocks.DateBlock(
        label=_("Checked on"),
        help_text=_(
            "When an editor last opened the source and found that it says what the "
            "rule or guide says."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Source")
        value_class = SourceValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        # Like a required field, the address may be missing from a draft (Wagtail defers
        # required fields when saving one), not from what is submitted or published.
        if self.is_deferred_validation:
            pass
        elif not value.get("url") and not value.get("no_online_copy"):
            errors["url"] = ValidationError(
                _(
                    "Give the address where readers can check this source, or say below why "
                    "there is no online copy."
                ),
                code="source_without_url",
            )
        elif value.get("url") and value.get("no_online_copy"):
            errors["no_online_copy"] = ValidationError(
                _("Leave this empty: the source has an address."), code="url_and_no_copy"
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class SourcesBlock(blocks.StreamBlock):
    """The numbered sources of a rule or guide: at least one, except in a draft."""

    source = SourceBlock(label=_("Source"))

    def clean(self, value):
        value = super().clean(value)
        if not value and not self.is_deferred_validation:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _("Add at least one source: readers must be able to check this."),
                            code="no_source",
                        )
                    ]
                )
            )
        return value


class LegalRule(ChoiceLabelMixin, TranslatableMixin, Orderable):
    """One rule of a country's law, as it applies to people at risk: its topic, whom it
    concerns, whether it is in force, its legal basis, penalty and sources."""

    profile = ParentalKey(
        "knowledge.CountryProfilePage",
        on_delete=models.CASCADE,
        related_name="rules",
        verbose_name=_("profile"),
    )
    topic = models.CharField(
        verbose_name=_("topic"),
        max_length=20,
        choices=Topic.choices,
        help_text=_(
            "What the rule is about; rules are grouped by topic on the profile and in the "
            "comparison."
        ),
    )
    heading = models.CharField(
        verbose_name=_("heading"),
        max_length=160,
        help_text=_("A short name for the rule, e.g. 'Alternative civilian service'."),
    )
    applies_to = MultipleChoiceField(
        verbose_name=_("applies to"),
        choices=AffectedGroup.choices,
        blank=True,
        help_text=_("Whom the rule concerns. Leave empty if it concerns everyone."),
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=20,
        choices=RuleStatus.choices,
        default=RuleStatus.IN_FORCE,
        help_text=_("Whether the rule applies now. Keep repealed rules for the record."),
    )
    status_since = models.DateField(
        verbose_name=_("status since"),
        null=True,
        blank=True,
        help_text=_("Since when the status above holds."),
    )
    legal_act = models.CharField(
        _("legal act"),
        max_length=200,
        blank=True,
        help_text=_("The law or decree, e.g. 'Criminal Code of the Russian Federation'."),
    )
    article = models.CharField(
        verbose_name=_("article"),
        max_length=60,
        blank=True,
        help_text=_("Article and part, e.g. 'Art. 352.1'."),
    )
    availability = models.CharField(
        _("is it possible?"),
        max_length=20,
        choices=Availability.choices,
        blank=True,
        help_text=_(
            "For objection, leaving the country and asylum: can people use this right? "
            "Leave empty for other topics."
        ),
    )
    available_until = models.CharField(
        verbose_name=_("available until"),
        max_length=160,
        blank=True,
        help_text=_("When the right can be used, e.g. 'only before conscription'."),
    )
    service_months = models.PositiveSmallIntegerField(
        _("length of service (months)"),
        null=True,
        blank=True,
        help_text=_("For conscription or alternative service: how many months it lasts."),
    )
    penalty_kind = models.CharField(
        verbose_name=_("penalty kind"),
        max_length=20,
        choices=PenaltyKind.choices,
        default=PenaltyKind.NONE,
        help_text=_(
            "Criminal penalties are shown as the highest penalty in the 'at a glance' box."
        ),
    )
    prison_min_months = models.PositiveSmallIntegerField(
        _("imprisonment from (months)"),
        null=True,
        blank=True,
        help_text=_("Shortest prison term the law sets, in months (3 years = 36)."),
    )
    prison_max_months = models.PositiveSmallIntegerField(
        _("imprisonment up to (months)"),
        null=True,
        blank=True,
        help_text=_("Longest prison term, in months (10 years = 120)."),
    )
    death_penalty = models.BooleanField(
        verbose_name=_("death penalty"),
        default=False,
        help_text=_("Tick if the law allows the death penalty for this."),
    )
    fine = models.CharField(
        verbose_name=_("fine"),
        max_length=120,
        blank=True,
        help_text=_("Amount and currency, e.g. 'up to 30,000 RUB'."),
    )
    other_consequences = models.TextField(
        verbose_name=_("other consequences"),
        blank=True,
        help_text=_("Other consequences in plain words, e.g. a ban on leaving the country."),
    )
    summary = models.TextField(
        verbose_name=_("summary"),
        help_text=_("What this means for a person, in two or three plain sentences."),
    )
    sources = StreamField(
        SourcesBlock(),
        # SourcesBlock asks for one with a message that says why (min_num would not say).
        blank=True,
        help_text=_("Every rule needs at least one source. They are numbered in this order."),
        verbose_name=_("sources"),
    )
    last_reviewed = models.DateField(
        verbose_name=_("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Set when a legal reviewer approves the profile."),
    )
    under_review = models.BooleanField(
        _("under review"),
        default=False,
        help_text=_(
            "Tick while the rule is being checked, e.g. after a change in the law was "
            "reported. Readers see that it is being checked; the 'Legal content due for review' "
            "report lists it."
        ),
    )
    review_note = models.TextField(
        _("note for readers"),
        blank=True,
        help_text=_(
            "What is being checked, in one sentence, e.g. 'A new law on summonses was "
            "passed on 14 April; we are checking what changes.' Shown with the rule."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("topic"), FieldPanel("status"), FieldPanel("status_since")]),
        FieldPanel("heading"),
        FieldPanel("applies_to"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("legal_act"), FieldPanel("article")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("availability"), FieldPanel("available_until")]),
                FieldPanel("service_months"),
            ],
            heading=_("Rights and service"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("penalty_kind"),
                FieldRowPanel([FieldPanel("prison_min_months"), FieldPanel("prison_max_months")]),
                FieldPanel("death_penalty"),
                FieldPanel("fine"),
                FieldPanel("other_consequences"),
            ],
            heading=_("Penalty"),
        ),
        FieldPanel("sources"),
        MultiFieldPanel(
            [
                FieldPanel("under_review"),
                FieldPanel("review_note"),
                FieldPanel("last_reviewed", read_only=True),
            ],
            heading=_("Legal check"),
        ),
    ]

    api_fields = [
        APIField(name)
        for name in (
            "translation_key",
            "topic",
            "heading",
            "applies_to",
            "status",
            "status_since",
            "legal_act",
            "article",
            "availability",
            "available_until",
            "service_months",
            "penalty_kind",
            "prison_min_months",
            "prison_max_months",
            "death_penalty",
            "fine",
            "other_consequences",
            "summary",
            "sources",
            "last_reviewed",
            "under_review",
            "review_note",
        )
    ]

    override_translatable_fields = [
        SynchronizedField("applies_to"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("under_review"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("legal rule")
        verbose_name_plural = _("legal rules")

    def __str__(self):
        return self.heading

    @property
    def anchor(self):
        return f"rule-{self.translation_key}"

    @property
    def affected_groups(self):
        labels = choice_labels(AffectedGroup)
        return [labels[code] for code in self.applies_to if code in labels]

    @property
    def is_active(self):
        return self.status == RuleStatus.IN_FORCE

    @property
    def numbered_sources(self):
        return [block.value for block in self.sources]

    def clean(self):
        super().clean()
        errors = rule_errors(self)
        if errors:
            raise ValidationError(errors)


# Topics for which the rights fields mean something.
AVAILABILITY_TOPICS = frozenset({Topic.OBJECTION, Topic.LEAVING, Topic.ASYLUM})
SERVICE_TOPICS = frozenset({Topic.CONSCRIPTION, Topic.OBJECTION})


def rule_errors(rule):
    """{field name: message} for what the help texts promise and `rule` breaks: shown to
    the editor next to each field, in the admin's language. (That every rule has a source
    is SourcesBlock's check: it must not hold up a draft.)"""
    errors = {}
    low, high = rule.prison_min_months, rule.prison_max_months
    if low is not None and high is not None and low > high:
        errors["prison_min_months"] = _(
            "The shortest prison term cannot be longer than the longest one."
        )
    if rule.penalty_kind == PenaltyKind.NONE:
        for field in ("prison_min_months", "prison_max_months", "fine", "death_penalty"):
            if getattr(rule, field) not in (None, "", False):
                errors.setdefault(
                    field,
                    _(
                        "Choose the kind of penalty (administrative or criminal) first, or "
                        "leave this empty."
                    ),
                )
    if rule.death_penalty and not rule.article:
        errors["article"] = _("Name the article that allows the death penalty.")
    if rule.topic not in AVAILABILITY_TOPICS:
        for field in ("availability", "available_until"):
            if getattr(rule, field):
                errors[field] = _(
                    "Only for objection, leaving the country and asylum: leave this empty for "
                    "this topic."
                )
    if rule.service_months is not None and rule.topic not in SERVICE_TOPICS:
        errors["service_months"] = _(
            "Only for conscription and alternative service: leave this empty for this topic."
        )
    if rule.review_note and not rule.under_review:
        errors["review_note"] = _(
            "Readers see the note only while the rule is under review: tick that box too, or "
            "leave the note empty."
        )
    return errors
