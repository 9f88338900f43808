"""Admin report 'Legal content due for review': rules an editor marked as under review,
then profiles, guides and rules whose last legal review is older than the threshold (or
missing), oldest first."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from .models.pages import CountryProfilePage, GuidePage
from .models.review import KnowledgeSettings
from .models.rules import LegalRule


@dataclass
class DueItem:
    title: str
    kind: str
    language: str
    last_reviewed: date | None
    edit_url: str
    page_id: int
    reason: str = ""
    under_review: bool = False

    @property
    def age_key(self):
        return self.last_reviewed or date.min


def due_for_review(max_age_days, today=None):
    """Rules marked as under review, then everything whose review is older than
    `max_age_days` (or never happened), oldest first."""
    from django.urls import reverse

    limit = (today or timezone.localdate()) - timedelta(days=max_age_days)
    overdue, never = str(_("Review overdue")), str(_("Never reviewed"))
    items = []
    for model, kind in ((CountryProfilePage, _("Country profile")), (GuidePage, _("Guide"))):
        stale = model.objects.filter(last_reviewed__lt=limit) | model.objects.filter(
            last_reviewed__isnull=True
        )
        for page in stale.select_related("locale"):
            items.append(
                DueItem(
                    page.title,
                    str(kind),
                    page.locale.language_code,
                    page.last_reviewed,
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    page.pk,
                    overdue if page.last_reviewed else never,
                )
            )
    rules = (
        LegalRule.objects.filter(last_reviewed__lt=limit)
        | LegalRule.objects.filter(last_reviewed__isnull=True)
        | LegalRule.objects.filter(under_review=True)
    )
    for rule in rules.select_related("profile", "locale"):
        if rule.under_review:
            reason = str(_("Under review")) + (f": {rule.review_note}" if rule.review_note else "")
        else:
            reason = overdue if rule.last_reviewed else never
        items.append(
            DueItem(
                f"{rule.heading} ({rule.profile.title})",
                str(_("Rule")),
                rule.locale.language_code,
                rule.last_reviewed,
                reverse("wagtailadmin_pages:edit", args=[rule.profile_id]),
                rule.profile_id,
                reason,
                rule.under_review,
            )
        )
    return sorted(items, key=lambda item: (not item.under_review, item.age_key, item.title))


class DueForReviewReport(ReportView):
    page_title = _("Legal content due for review")
    header_icon = "calendar-check"
    index_url_name = "knowledge_due_for_review"
    index_results_url_name = "knowledge_due_for_review_results"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "language": _("Language"),
        "last_reviewed": _("Last reviewed"),
        "reason": _("Why"),
    }
    list_export = ["title", "kind", "language", "last_reviewed", "reason"]
    columns = [
        TitleColumn(
            "title", label=_("Title"), url_name="wagtailadmin_pages:edit", id_accessor="page_id"
        ),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        Column("reason", label=_("Why")),
    ]

    def get_queryset(self):
        site = (
            Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        )
        max_age = KnowledgeSettings.for_site(site).review_interval_days if site else 180
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

    from home.translation_freshness import is_out_of_date

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
        TitleColumn(
            "title", label=_("Title"), url_name="wagtailadmin_pages:edit", id_accessor="page_id"
        ),
        Column("case_number", label=_("Case number")),
        DateColumn("decided_on", label=_("Date of the decision")),
        Column("missing_display", label=_("Not translated into")),
        Column("out_of_date_display", label=_("Translation out of date in")),
        Column("review", label=_("Legal review")),
    ]

    def get_queryset(self):
        return decisions_to_do()
