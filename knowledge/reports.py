"""Admin report 'Legal content due for review': one row per profile or guide in each language
that waits for a legal reviewer, with what to check on it: pages published outside the review
and pages with rules under review first, then whatever was last reviewed longest ago (or never);
the rules concerned are listed in their profile's row, each linked to its panel in the editor."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site, WorkflowState, get_page_models

import django_filters

from .models.countries import Country
from .models.rules import LegalRule
from .models.settings import LegalReviewSettings


@dataclass
class RuleToCheck:
    heading: str
    reason: str
    url: str


@dataclass
class ReviewTask:
    """A profile or guide in one language that a legal reviewer should check, and why."""

    title: str
    kind: str
    language: str
    last_reviewed: date | None
    page_id: int
    country_codes: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    rules: list = field(default_factory=list)
    under_review: bool = False  # a rule of it is marked as under review
    changed: bool = False  # published outside the legal review

    @property
    def age_key(self):
        return self.last_reviewed or date.min

    @property
    def countries(self):
        return ", ".join(self.country_codes)

    @property
    def to_check(self):
        """Everything to check, as one text (the export)."""
        return "; ".join([*self.reasons, *(f"{r.heading}: {r.reason}" for r in self.rules)])


def _edit_url(page_id):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _rule_urls(profile_ids):
    """{rule pk: its panel in the profile's editor}: the panels are numbered in the order of
    the inline formset (by position)."""
    urls, positions = {}, {}
    rows = (
        LegalRule.objects.filter(profile_id__in=profile_ids)
        .order_by("profile_id", "sort_order", "pk")
        .values_list("pk", "profile_id")
    )
    for pk, profile_id in rows:
        index = positions[profile_id] = positions.get(profile_id, -1) + 1
        urls[pk] = f"{_edit_url(profile_id)}#inline_child_rules-{index}-panel-section"
    return urls


def reviewed_page_types():
    """The page types this report lists: those naming themselves in it
    (`review_report_label`), in any app, so that knowledge needs not import the apps
    built on it (alternative_service)."""
    return [model for model in get_page_models() if getattr(model, "review_report_label", None)]


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def due_for_review(max_age_days, today=None):
    """A ReviewTask for every profile and guide (in each language) that is overdue (last
    reviewed more than `max_age_days` ago, or never), was published outside the legal review,
    is waiting in it, or has rules under review or never reviewed. First what was published
    unreviewed or has rules under review, then oldest review first."""
    limit = (today or timezone.localdate()) - timedelta(days=max_age_days)
    overdue, never = str(_("Review overdue")), str(_("Never reviewed"))
    changed = str(_("Changed since the last legal review"))
    waiting = str(_("Waiting in the legal review"))
    in_review = set(
        WorkflowState.objects.active()
        .filter(base_content_type__app_label="wagtailcore", base_content_type__model="page")
        .values_list("object_id", flat=True)
    )
    tasks = {}
    for model in reviewed_page_types():
        kind = model.review_report_label
        about_one_country = _has_field(model, "country")
        pages = model.objects.select_related("locale")
        if about_one_country:
            pages = pages.select_related("country")
        else:
            pages = pages.prefetch_related("countries")
        for page in pages:
            task = ReviewTask(
                page.title,
                str(kind),
                page.locale.language_code,
                page.last_reviewed,
                page.pk,
                country_codes=(
                    [page.country.code]
                    if about_one_country
                    else sorted(c.code for c in page.countries.all())
                ),
            )
            if page.changed_since_review:
                task.changed = True
                task.reasons.append(changed)
            if page.last_reviewed is None:
                task.reasons.append(never)
            elif page.last_reviewed < limit:
                task.reasons.append(overdue)
            if str(page.pk) in in_review:
                task.reasons.append(waiting)
            tasks[page.pk] = task

    rules = (
        LegalRule.objects.filter(last_reviewed__lt=limit)
        | LegalRule.objects.filter(last_reviewed__isnull=True)
        | LegalRule.objects.filter(under_review=True)
    ).order_by("sort_order", "pk")
    rules = list(
        rules.only("pk", "profile_id", "heading", "last_reviewed", "under_review", "review_note")
    )
    urls = _rule_urls({rule.profile_id for rule in rules})
    for rule in rules:
        task = tasks.get(rule.profile_id)
        if task is None:
            continue
        if rule.under_review:
            task.under_review = True
            reason = str(_("Under review")) + (f": {rule.review_note}" if rule.review_note else "")
        elif rule.last_reviewed is None and task.last_reviewed is not None:
            reason = never  # a rule added since the profile's last review
        elif (
            rule.last_reviewed is not None
            and (task.last_reviewed is None or rule.last_reviewed < task.last_reviewed)
            and rule.last_reviewed < limit
        ):
            reason = overdue
        else:
            continue  # the profile's own reason covers it
        task.rules.append(RuleToCheck(rule.heading, reason, urls[rule.pk]))

    due = [task for task in tasks.values() if task.reasons or task.rules]
    # First what readers see unreviewed (published outside the review), then what is being
    # checked (rules under review), then the rest, oldest review first.
    return sorted(
        due,
        key=lambda task: (not task.changed, not task.under_review, task.age_key, task.title),
    )


def _language_choices():
    return list(settings.LANGUAGES)


def _country_choices():
    return list(
        Country.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("name")
        .values_list("code", "name")
    )


class DueForReviewFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=_language_choices, method="keep"
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_country_choices, method="keep"
    )

    class Meta:
        model = Page
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # the report filters its rows itself (they are not a queryset)


class ToCheckColumn(Column):
    cell_template_name = "knowledge/admin/review_task_cell.html"


class DueForReviewReport(ReportView):
    page_title = _("Legal content due for review")
    header_icon = "calendar-check"
    index_url_name = "knowledge_due_for_review"
    index_results_url_name = "knowledge_due_for_review_results"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    filterset_class = DueForReviewFilterSet
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "language": _("Language"),
        "countries": _("Countries"),
        "last_reviewed": _("Last reviewed"),
        "to_check": _("What to check"),
    }
    list_export = list(export_headings)
    columns = [
        # Widths: "What to check" (several rules with notes) squeezed titles to a few letters.
        TitleColumn(
            "title",
            label=_("Title"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
            width="18%",
        ),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        Column("countries", label=_("Countries")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        ToCheckColumn("to_check", label=_("What to check"), width="50%"),
    ]

    def filter_queryset(self, tasks):
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
            if data.get("language"):
                tasks = [task for task in tasks if task.language == data["language"]]
            if data.get("country"):
                tasks = [task for task in tasks if data["country"] in task.country_codes]
        return tasks

    def get_queryset(self):
        site = (
            Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        )
        max_age = LegalReviewSettings.for_site(site).review_interval_days if site else 180
        return due_for_review(max_age)


@dataclass
class DecisionStatus:
    title: str
    case_number: str
    decided_on: date
    page_id: int
    live: bool
    missing: list
    out_of_date: list
    review: str
    in_review: bool

    @property
    def missing_display(self):
        return ", ".join(self.missing) or "—"

    @property
    def out_of_date_display(self):
        return ", ".join(self.out_of_date) or "—"

    @property
    def needs_work(self):
        return bool(self.missing or self.out_of_date or self.in_review or self.review != "")


def decisions_to_do():
    """The English decisions that are not yet translated into every language, whose
    translations are older than the English text, that wait in the legal review or were
    never approved by a legal reviewer: waiting for review first, then oldest decision
    first. A fixed number of queries for any number of decisions."""
    from django.conf import settings
    from django.db.models import Max

    from wagtail.models import Locale, WorkflowState
    from wagtail_localize.models import TranslationLog, TranslationSource

    from translation.freshness import is_out_of_date

    from .models.decisions import DecisionPage

    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    others = {locale.pk: locale.language_code for locale in Locale.objects.exclude(pk=english.pk)}
    decisions = list(DecisionPage.objects.filter(locale=english).order_by("decided_on", "pk"))
    keys = [d.translation_key for d in decisions]
    translations = {
        (key, locale_id): published
        for key, locale_id, published in DecisionPage.objects.filter(
            translation_key__in=keys, live=True
        )
        .exclude(locale=english)
        .values_list("translation_key", "locale_id", "last_published_at")
    }
    source_keys = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=english).values_list(
            "pk", "object_id"
        )
    )
    synced = {
        (source_keys[row["source_id"]], row["locale_id"]): row["synced_at"]
        for row in TranslationLog.objects.filter(source_id__in=source_keys)
        .values("source_id", "locale_id")
        .annotate(synced_at=Max("created_at"))
    }
    in_review = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type__app_label="wagtailcore", object_id__in=[str(d.pk) for d in decisions]
        )
        .values_list("object_id", flat=True)
    )
    never, waiting = str(_("Never reviewed")), str(_("Waiting for the legal review"))
    rows = []
    for decision in decisions:
        missing, out_of_date = [], []
        for locale_id, code in sorted(others.items(), key=lambda item: item[1]):
            published = translations.get((decision.translation_key, locale_id), _MISSING)
            if published is _MISSING:
                missing.append(code)
            elif is_out_of_date(
                decision.last_published_at,
                synced.get((decision.translation_key, locale_id)) or published,
            ):
                out_of_date.append(code)
        waits = str(decision.pk) in in_review
        review = waiting if waits else ("" if decision.last_reviewed else never)
        row = DecisionStatus(
            decision.title,
            decision.case_number,
            decision.decided_on,
            decision.pk,
            decision.live,
            missing,
            out_of_date,
            review,
            waits,
        )
        if row.needs_work:
            rows.append(row)
    return sorted(rows, key=lambda row: (not row.in_review, row.decided_on, row.title))


_MISSING = object()


class DecisionsToDoReport(ReportView):
    page_title = _("Decisions not yet translated or reviewed")
    header_icon = "doc-full"
    index_url_name = "knowledge_decisions_to_do"
    index_results_url_name = "knowledge_decisions_to_do_results"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    export_headings = {
        "title": _("Title"),
        "case_number": _("Case number"),
        "decided_on": _("Date of the decision"),
        "missing_display": _("Not translated into"),
        "out_of_date_display": _("Translation out of date in"),
        "review": _("Legal review"),
    }
    list_export = list(export_headings)
    columns = [
        # Widths: "What to check" (several rules with notes) squeezed titles to a few letters.
        TitleColumn(
            "title",
            label=_("Title"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
            width="18%",
        ),
        Column("case_number", label=_("Case number")),
        DateColumn("decided_on", label=_("Date of the decision")),
        Column("missing_display", label=_("Not translated into")),
        Column("out_of_date_display", label=_("Translation out of date in")),
        Column("review", label=_("Legal review")),
    ]

    def get_queryset(self):
        return decisions_to_do()
