"""Decisions: how courts, asylum authorities and international bodies actually decided on
objectors, deserters and evaders, linked to the rules they turn on.

A decision is a page (DecisionPage) under one decisions index per language, itself a child
of the knowledge base: like the profiles and guides it is translated with wagtail-localize
(numbers, dates and choices synchronised), passes the legal-review workflow of the
knowledge base, is found by the site search and listed by the API. docs/architecture.md
says why a page and not a snippet.

It links to rules by the person's country and the topics it turns on, not to one rule row:
rules are inline rows of a profile that editors add, split and rewrite, while the country
and topic of what a decision is about stay the same.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceLabelMixin, MultipleChoiceField, choice_labels
from core.models import SitePage

from .pages import ReviewedMixin
from .rules import SourcesBlock, Topic

DECISIONS_PER_PAGE = 20
FEED_LENGTH = 20
REASONING_MAX_LENGTH = 700


class DecidingKind(models.TextChoices):
    COURT = "court", _("court")
    ASYLUM_AUTHORITY = "asylum_authority", _("asylum authority")
    UN_BODY = "un_body", _("UN body")
    EUROPEAN_COURT = "european_court", _("European court (ECtHR, CJEU)")


# Bodies that decide for no one country: no deciding country, and they grant no status.
INTERNATIONAL_KINDS = frozenset({DecidingKind.UN_BODY, DecidingKind.EUROPEAN_COURT})


class PersonSituation(models.TextChoices):
    """The person's situation. The codes are AffectedGroup's (so a decision and a rule can
    be compared), plus objectors, who may be in any of those groups."""

    CONSCRIPTS = "conscripts", _("conscript")
    RESERVISTS = "reservists", _("man in the reserve")
    MOBILIZED = "mobilized", _("mobilised soldier")
    CONTRACT = "contract", _("contract soldier")
    DESERTERS = "deserters", _("deserter")
    EVADERS = "evaders", _("draft evader")
    OBJECTORS = "objectors", _("conscientious objector")


class Outcome(models.TextChoices):
    REFUGEE_STATUS = "refugee_status", _("refugee status")
    SUBSIDIARY_PROTECTION = "subsidiary_protection", _("subsidiary protection")
    NATIONAL_PROTECTION = "national_protection", _("national protection (ban on deportation)")
    REJECTED = "rejected", pgettext_lazy("decision outcome", "rejected")
    ACQUITTED = "acquitted", _("acquitted")
    CONVICTED = "convicted", _("convicted")
    IN_FAVOUR = "in_favour", _("decided in the person's favour")
    RULING = "ruling", _("ruling on how the law is to be read")


PROTECTION_OUTCOMES = frozenset(
    {Outcome.REFUGEE_STATUS, Outcome.SUBSIDIARY_PROTECTION, Outcome.NATIONAL_PROTECTION}
)
CRIMINAL_OUTCOMES = frozenset({Outcome.ACQUITTED, Outcome.CONVICTED})
# Outcomes readers count as a success for the person (the list's and comparison's mark).
FAVOURABLE_OUTCOMES = PROTECTION_OUTCOMES | {Outcome.ACQUITTED, Outcome.IN_FAVOUR}


class DecisionIndexPage(RoutablePageMixin, SitePage):
    """The decisions of one language, newest first, filterable by the person's country,
    the deciding country, situation, outcome, topic and year, with an Atom feed of new
    decisions. Edited by the legal team (title and introduction)."""

    introduction = models.TextField(
        help_text=_(
            "Shown above the list: what readers find here, and that a decision on "
            "someone else is no promise for their own case."
        ),
        verbose_name=_("introduction"),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
    ]

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.DecisionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("decisions index")
        verbose_name_plural = _("decisions indexes")

    @path("")
    def decision_list(self, request):
        from ..decisions import decision_list_context

        return self.render(request, context_overrides=decision_list_context(self, request))

    @path("atom/")
    def atom_feed(self, request):
        from ..feeds import DecisionsAtomFeed

        return DecisionsAtomFeed(self)(request)


class DecisionPage(ChoiceLabelMixin, ReviewedMixin, SitePage):
    """One decision of a court, asylum authority, UN body or European court on a
    conscientious objector, deserter or evader: who decided, when, on whom, with what
    outcome and why, the sources, and the topics of the rules it turns on. Edited by the
    legal team; published after a legal reviewer approves it."""

    deciding_body = models.CharField(
        max_length=200,
        help_text=_(
            "As readers know it, e.g. 'Administrative Court of Berlin (33rd chamber)' or "
            "'Federal Office for Migration and Refugees (BAMF)'."
        ),
        verbose_name=_("deciding body"),
    )
    kind = models.CharField(
        _("kind of body"),
        max_length=20,
        choices=DecidingKind.choices,
        default=DecidingKind.COURT,
        help_text=_("European courts and UN bodies decide for no one country."),
    )
    deciding_country = models.ForeignKey(
        "knowledge.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_made",
        help_text=_("Where the body sits. Leave empty for European courts and UN bodies."),
        verbose_name=_("deciding country"),
    )
    decided_on = models.DateField(
        _("date of the decision"),
        help_text=_("The date the decision was given (not when it was reported or published)."),
    )
    date_is_reported = models.BooleanField(
        _("only the report's date is known"),
        default=False,
        help_text=_(
            "Tick if the decision's own date is not public and the date above is that of a "
            "report on it. Readers see 'reported on'."
        ),
    )
    case_number = models.CharField(
        max_length=120,
        blank=True,
        help_text=_(
            "As the body cites it, e.g. '12 B 17/23' or 'C-472/13'. Several cases decided "
            "together: separate the numbers with a semicolon. Empty if the number is not public."
        ),
        verbose_name=_("case number"),
    )
    country = models.ForeignKey(
        "knowledge.Country",
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("person's country of origin"),
        help_text=_(
            "The country of the person the decision is about. Its profile shows the "
            "decision with the rules on the topics below."
        ),
    )
    situation = models.CharField(
        _("person's situation"),
        max_length=20,
        choices=PersonSituation.choices,
        help_text=_("What the person was when the case began."),
    )
    outcome = models.CharField(
        max_length=30,
        choices=Outcome.choices,
        help_text=_(
            "For a European court's answer to a national court's questions, choose "
            "'ruling on how the law is to be read'."
        ),
        verbose_name=_("outcome"),
    )
    sentence = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Only for a conviction: the sentence, e.g. 'three years' imprisonment'."),
        verbose_name=_("sentence"),
    )
    topics = MultipleChoiceField(
        _("topics it turns on"),
        choices=Topic.choices,
        blank=True,  # asked for in clean(), with a message that says why
        help_text=_(
            "The topics of the rules the decision turns on, e.g. asylum and desertion. "
            "The country profiles show the decision with their rules on these topics."
        ),
    )
    related_countries = ParentalManyToManyField(
        "knowledge.Country",
        blank=True,
        related_name="related_decisions",
        help_text=_(
            "Other countries whose people the decision bears on, e.g. a European court's "
            "ruling on deserters for every country whose deserters ask for asylum in the EU."
        ),
        verbose_name=_("related countries"),
    )
    reasoning = models.TextField(
        validators=[MaxLengthValidator(REASONING_MAX_LENGTH)],
        help_text=_("Why the body decided as it did, in two or three plain sentences."),
        verbose_name=_("reasoning"),
    )
    sources = StreamField(
        SourcesBlock(),
        blank=True,  # SourcesBlock asks for one, with a message that says why
        help_text=_(
            "The decision itself where it is public, else reports on it. Every decision "
            "needs at least one source."
        ),
        verbose_name=_("sources"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("deciding_body"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("deciding_country")]),
                FieldRowPanel(
                    [
                        FieldPanel("decided_on"),
                        FieldPanel("date_is_reported"),
                        FieldPanel("case_number"),
                    ]
                ),
            ],
            heading=_("Who decided, when"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("country"), FieldPanel("situation")])],
            heading=_("On whom"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("outcome"), FieldPanel("sentence")]),
                FieldPanel("reasoning"),
            ],
            heading=_("Outcome"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("related_countries")],
            heading=_("Rules it turns on"),
        ),
        FieldPanel("sources"),
        MultiFieldPanel([FieldPanel("last_reviewed", read_only=True)], heading=_("Legal review")),
    ]

    search_fields = SitePage.search_fields + [
        index.SearchField("case_number", boost=2),
        index.SearchField("case_number_words", boost=2),
        index.AutocompleteField("case_number"),
        index.SearchField("deciding_body"),
        index.SearchField("reasoning"),
        index.SearchField("sentence"),
        index.FilterField("country"),
        index.FilterField("deciding_country"),
        index.FilterField("situation"),
        index.FilterField("outcome"),
        index.FilterField("decided_on"),
    ]

    api_fields = [
        APIField("deciding_body"),
        APIField("kind"),
        APIField("deciding_country_data"),
        APIField("decided_on"),
        APIField("date_is_reported"),
        APIField("case_number"),
        APIField("country_data"),
        APIField("situation"),
        APIField("outcome"),
        APIField("sentence"),
        APIField("topics"),
        APIField("related_country_codes"),
        APIField("reasoning"),
        APIField("sources"),
        APIField("last_reviewed"),
    ]

    # Every translation is about the same case: what it is, when and by whom it was decided
    # and how come from the English page; names, reasoning and sources are translated.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("deciding_country"),
        SynchronizedField("decided_on"),
        SynchronizedField("date_is_reported"),
        SynchronizedField("case_number"),
        SynchronizedField("country"),
        SynchronizedField("situation"),
        SynchronizedField("outcome"),
        SynchronizedField("topics"),
        SynchronizedField("related_countries"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["knowledge.DecisionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["-decided_on", "-page_ptr"], name="decision_newest_first")]

    @property
    def date(self):
        """The search results show a decision with its date, as they show news."""
        return self.decided_on

    @property
    def is_favourable(self):
        return self.outcome in FAVOURABLE_OUTCOMES

    @property
    def case_number_words(self):
        """The case number's parts as words ("12 B 17 23"): PostgreSQL's parser keeps "17/23"
        and "/13" as one token each, which the words of a query ("17", "23") never match."""
        return " ".join(re.findall(r"\w+", self.case_number))

    @property
    def case_numbers(self):
        return [part.strip() for part in self.case_number.split(";") if part.strip()]

    @property
    def country_data(self):
        return _country_data(self.country, self)

    @property
    def deciding_country_data(self):
        if not self.deciding_country_id:
            return None
        return _country_data(self.deciding_country, self)

    @property
    def related_country_codes(self):
        return sorted(c.code for c in self.related_countries.all())

    def topic_labels(self):
        labels = choice_labels(Topic)
        return [labels[code] for code in self.topics if code in labels]

    @property
    def numbered_sources(self):
        return [block.value for block in self.sources]

    def clean(self):
        super().clean()
        errors = decision_errors(self)
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..decisions import rules_for_decision
        from ..queries import country_names

        context = super().get_context(request, *args, **kwargs)
        countries = [c for c in (self.country, self.deciding_country) if c is not None]
        names = country_names(_locale_of(self), countries)
        context.update(
            country_name=names[self.country_id],
            deciding_country_name=names.get(self.deciding_country_id, ""),
            rule_groups=rules_for_decision(self),
            decisions_url=self.get_parent().get_url(request),
        )
        return context


def _locale_of(page):
    """The page's Locale for lookups by id (loading it would be one more query per page)."""
    from wagtail.models import Locale

    return Locale(pk=page.locale_id)


def _country_data(country, page):
    """Code and name in the page's language (open-data users ask for a language with
    ?locale=, which is not the active language of the request)."""
    from ..queries import country_names

    return {"code": country.code, "name": country_names(_locale_of(page), [country])[country.pk]}


def decision_errors(decision):
    """{field name: message} for what the help texts rule out; shown next to each field in
    the admin's language. (That every decision has a source is SourcesBlock's check: it
    must not hold up a draft.)"""
    errors = {}
    international = decision.kind in INTERNATIONAL_KINDS
    if international and decision.deciding_country_id:
        errors["deciding_country"] = _(
            "Leave this empty for European courts and UN bodies: they decide for no one country."
        )
    elif not international and not decision.deciding_country_id:
        errors["deciding_country"] = _("Choose the country where the court or authority sits.")
    if decision.outcome in CRIMINAL_OUTCOMES and decision.kind != DecidingKind.COURT:
        errors["outcome"] = _("Only a court acquits or convicts: check the kind of body.")
    elif decision.outcome in PROTECTION_OUTCOMES and international:
        errors["outcome"] = _(
            "European courts and UN bodies grant no protection status themselves: choose "
            "'decided in the person's favour' or 'ruling on how the law is to be read'."
        )
    if decision.sentence and decision.outcome != Outcome.CONVICTED:
        errors["sentence"] = _("Only for a conviction: leave this empty.")
    if decision.decided_on and decision.decided_on > timezone.localdate():
        errors["decided_on"] = _("A decision cannot be dated in the future.")
    if not decision.topics:
        errors["topics"] = _(
            "Choose at least one topic: the decision is shown with the country's rules on it."
        )
    return errors
