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
