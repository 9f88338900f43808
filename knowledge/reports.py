"""Admin report 'Legal content due for review': profiles, guides and rules whose last
legal review is older than the threshold (or missing), oldest first."""

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

    @property
    def age_key(self):
        return self.last_reviewed or date.min


def due_for_review(max_age_days, today=None):
    """Everything whose review is older than `max_age_days` (or never happened), oldest first."""
    from django.urls import reverse

    limit = (today or timezone.localdate()) - timedelta(days=max_age_days)
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
                )
            )
    rules = LegalRule.objects.filter(last_reviewed__lt=limit) | LegalRule.objects.filter(
        last_reviewed__isnull=True
    )
    for rule in rules.select_related("profile", "locale"):
        items.append(
            DueItem(
                f"{rule.heading} ({rule.profile.title})",
                str(_("Rule")),
                rule.locale.language_code,
                rule.last_reviewed,
                reverse("wagtailadmin_pages:edit", args=[rule.profile_id]),
                rule.profile_id,
            )
        )
    return sorted(items, key=lambda item: (item.age_key, item.title))


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
    }
    list_export = ["title", "kind", "language", "last_reviewed"]
    columns = [
        TitleColumn(
            "title", label=_("Title"), url_name="wagtailadmin_pages:edit", id_accessor="page_id"
        ),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
    ]

    def get_queryset(self):
        site = (
            Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        )
        max_age = KnowledgeSettings.for_site(site).review_interval_days if site else 180
        return due_for_review(max_age)
