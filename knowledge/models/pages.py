"""Knowledge-base pages: the index, one profile per country, and practical guides."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyStreamBlock
from core.content_cache import content_lookup, localized
from core.fields import MultipleChoiceField, choice_labels
from core.models import SitePage
from core.panels import TitledInlinePanel
from core.privacy import public

from ..forms import EnglishCountriesPageForm, countries_panel
from ..glance import AtAGlance
from .countries import shared_country
from .rules import AffectedGroup, SourcesBlock, Topic


class ReviewedMixin(models.Model):
    """Legal content shows readers when a legal reviewer last checked it, and whether it
    changed since. It is published only by the legal review's approval (knowledge/review.py):
    nobody has the plain "Publish" action on it."""

    last_reviewed = models.DateField(
        verbose_name=_("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Set automatically when a legal reviewer approves a change."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("reviewed by"),
    )
    # The revision a legal reviewer approved last (knowledge.review.mark_reviewed): a live
    # revision other than this one was published outside the review. Not editable, so
    # wagtail-localize neither translates nor synchronises it: each language version is
    # approved on its own.
    reviewed_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("reviewed revision"),
    )

    # A copy (or a new translation) has not been reviewed, whatever its original was.
    exclude_fields_in_copy = ["reviewed_revision"]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        from ..review import LegalContentPermissionTester

        return LegalContentPermissionTester(user, self)

    @property
    def changed_since_review(self):
        """Whether what readers see now was published after, and without, the last legal
        approval (an emergency publish by a superuser, a script)."""
        return bool(
            self.live
            and self.reviewed_revision_id is not None
            and self.live_revision_id != self.reviewed_revision_id
        )

    @property
    def published_on(self):
        """The day what readers see now was published, in the site's time zone."""
        return timezone.localdate(self.last_published_at) if self.last_published_at else None

    def review_age_days(self, today=None):
        if self.last_reviewed is None:
            return None
        return ((today or timezone.localdate()) - self.last_reviewed).days

    def is_review_overdue(self, max_age_days, today=None):
        age = self.review_age_days(today)
        return age is None or age > max_age_days


class FollowsEnglishMixin:
    """A translation tells readers (and the API) when it lags its English original, and where
    that is (translation/freshness.py)."""

    @cached_property
    def source_state(self):
        from translation.freshness import source_states

        return source_states([self]).get(self.pk)

    @property
    def translation_outdated(self):
        """For the API: whether this translation lags its English original."""
        return bool(self.source_state and self.source_state.outdated)

    @property
    def source_url(self):
        """For the API: the English original's address (None for an English page)."""
        return self.source_state.original.full_url if self.source_state else None


class KnowledgeIndexPage(RoutablePageMixin, SitePage):
    """The start page of the knowledge base in each language. Edited by the legal team;
    lists the country profiles and guides, and links to the comparison and the
    situation guide."""

    show_in_menus_default = True  # a section of the site: in the main navigation

    introduction = models.TextField(
        verbose_name=_("introduction"),
        help_text=_("Shown at the top: what readers find here and that it is not legal advice."),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
    ]

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "knowledge.CountryProfilePage",
        "knowledge.GuidePage",
        "knowledge.DecisionIndexPage",
        "alternative_service.ApplicationBuilderPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("knowledge base index")
        verbose_name_plural = _("knowledge base indexes")

    @path("compare/", name="comparison")
    def comparison(self, request):
        from ..views import comparison

        return comparison(request, self)

    @path("situation/", name="situation_guide")
    def situation_guide(self, request):
        from ..views import situation_guide

        return situation_guide(request, self)

    @path("changes/atom/", name="rule_changes_feed")
    def rule_changes_feed(self, request):
        from ..feeds import RuleChangesAtomFeed

        return RuleChangesAtomFeed(self)(request)

    @path("changes/<slug:country_code>/atom/", name="country_rule_changes_feed")
    def country_rule_changes_feed(self, request, country_code):
        from ..feeds import RuleChangesAtomFeed

        return RuleChangesAtomFeed(self, country_code)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = public(self.get_children().live()).specific().order_by("title")
        context["profiles"] = [p for p in children if isinstance(p, CountryProfilePage)]
        context["guides"] = [p for p in children if isinstance(p, GuidePage)]
        context["decisions_index"] = next(
            (p for p in children if p._meta.model_name == "decisionindexpage"), None
        )
        return context


class CountryProfilePage(FollowsEnglishMixin, ReviewedMixin, SitePage):
    """The law of one country or territory for people at risk: its rules on conscription,
    objection, mobilisation, evasion, desertion, leaving and asylum. Edited by the legal
    team; changes are published only after a legal reviewer approves them."""

    # Listed in Reports → Legal content due for review (knowledge/reports.py).
    review_report_label = _("Country profile")

    country = models.ForeignKey(
        "knowledge.Country",
        on_delete=models.PROTECT,
        related_name="profiles",
        help_text=_("The country or territory this profile describes."),
        verbose_name=_("country"),
    )
    introduction = models.TextField(
        verbose_name=_("introduction"),
        help_text=_("Two or three sentences: the situation in this country in plain words."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("introduction"),
        TitledInlinePanel(
            "rules", title_field="heading", heading=_("Legal rules"), label=_("Rule"), min_num=1
        ),
        MultiFieldPanel([FieldPanel("last_reviewed", read_only=True)], heading=_("Legal review")),
    ]

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields(
            "rules",
            [
                index.SearchField("heading"),
                index.SearchField("summary"),
                index.SearchField("legal_act"),
                index.SearchField("other_consequences"),
            ],
        ),
        index.FilterField("country"),
    ]

    api_fields = [
        APIField("country_data"),
        APIField("introduction"),
        APIField("last_reviewed"),
        APIField("rules"),
        APIField("translation_outdated"),
        APIField("source_url"),
    ]

    # Every translation describes the same country; the Country snippet's own
    # translation gives its name in the reader's language.
    override_translatable_fields = [
        SynchronizedField("country"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("country profile")
        verbose_name_plural = _("country profiles")

    @property
    def country_data(self):
        """The country for open-data users: stable code and kind, name in this language."""
        country = self.country
        return {"code": country.code, "kind": country.kind, "name": localized(country).name}

    @cached_property
    def ordered_rules(self):
        if "rules" in getattr(self, "_cluster_related_objects", {}):
            return self._sorted_rules()  # a preview or revision: its own, unsaved rules
        # The published rules change only when the profile is published (or reviewed), both of
        # which purge the content cache: readers' requests keep them with the page's route.
        return _published_rules(self)

    def _sorted_rules(self):
        # Sorted here, not in SQL, so previews (unsaved rules without pk) work too; pk breaks
        # ties between rules saved without a position, which PostgreSQL returns in any order.
        return sorted(
            self.rules.all(),
            key=lambda rule: (rule.sort_order is None, rule.sort_order or 0, rule.pk or 0),
        )

    def rules_by_topic(self):
        """[(topic label, [rules])] in the order topics are listed in `Topic`."""
        grouped = {code: [] for code in Topic.values}
        for rule in self.ordered_rules:
            grouped.setdefault(rule.topic, []).append(rule)
        labels = choice_labels(Topic)
        return [(code, labels[code], rules) for code, rules in grouped.items() if rules]

    def get_context(self, request, *args, **kwargs):
        from ..changelog import changes_for_profile
        from ..decisions import decisions_by_topic
        from ..review import review_settings_for

        context = super().get_context(request, *args, **kwargs)
        max_age = review_settings_for(request).review_interval_days
        # The Country snippet is shared by every language's profile and its news: kept in the
        # content cache (a snippet change purges it).
        self.country = shared_country(self.country_id, page=self)
        decisions = decisions_by_topic(self, request)
        context.update(
            country_name=localized(self.country).name,
            glance=AtAGlance.from_rules(self.ordered_rules),
            # (code, label, rules, decisions on the topic or None)
            topics=[
                (code, label, rules, decisions.get(code))
                for code, label, rules in self.rules_by_topic()
            ],
            review_overdue=self.is_review_overdue(max_age),
            review_max_age_days=max_age,
            changes=changes_for_profile(self),
            # For {% routablepageurl %}: the comparison, the guide, the feeds.
            knowledge_index=self.get_parent().specific_deferred,
        )
        return context


@content_lookup("profile-rules")
def _published_rules(profile):
    return profile._sorted_rules()


class GuidePage(FollowsEnglishMixin, ReviewedMixin, SitePage):
    """A practical question answered, e.g. 'What happens if I ignore an electronic summons?'.
    Edited by the legal team; tagged with countries, topics and whom it concerns."""

    # Listed in Reports → Legal content due for review (knowledge/reports.py).
    review_report_label = _("Guide")

    summary = models.TextField(
        verbose_name=_("summary"), help_text=_("The short answer, in two or three sentences.")
    )
    body = StreamField(
        BodyStreamBlock(), blank=True, help_text=_("The full answer."), verbose_name=_("body")
    )
    countries = ParentalManyToManyField(
        "knowledge.Country",
        blank=True,
        related_name="guides",
        help_text=_("Countries this guide is about."),
        verbose_name=_("countries"),
    )
    topics = MultipleChoiceField(
        verbose_name=_("topics"),
        choices=Topic.choices,
        blank=True,
        help_text=_("Topics the guide answers questions on."),
    )
    applies_to = MultipleChoiceField(
        verbose_name=_("applies to"),
        choices=AffectedGroup.choices,
        blank=True,
        help_text=_("Whom the guide concerns."),
    )
    sources = StreamField(
        SourcesBlock(),
        blank=True,  # SourcesBlock asks for one, with a message that says why
        help_text=_(
            "The laws, decisions and reports the answer relies on, in footnote order. "
            "Every guide needs at least one."
        ),
        verbose_name=_("sources"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [countries_panel(), FieldPanel("topics"), FieldPanel("applies_to")],
            heading=_("Tags"),
        ),
        FieldPanel("sources"),
        MultiFieldPanel([FieldPanel("last_reviewed", read_only=True)], heading=_("Legal review")),
    ]

    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("topics"),
        APIField("sources"),
        APIField("translation_outdated"),
        APIField("source_url"),
    ]

    base_form_class = EnglishCountriesPageForm

    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("applies_to"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def get_context(self, request, *args, **kwargs):
        from ..review import review_settings_for

        context = super().get_context(request, *args, **kwargs)
        max_age = review_settings_for(request).review_interval_days
        context.update(
            review_overdue=self.is_review_overdue(max_age),
            review_max_age_days=max_age,
            # For {% routablepageurl %}: the comparison, the guide, the feeds.
            knowledge_index=self.get_parent().specific_deferred,
        )
        return context

    def topic_labels(self):
        labels = choice_labels(Topic)
        return [labels[code] for code in self.topics if code in labels]

    @property
    def numbered_sources(self):
        return [block.value for block in self.sources]
