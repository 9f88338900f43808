from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models.countries import Country
from .reports import DecisionsToDoReport, DueForReviewReport


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["name", "code", "kind", "controlled_by"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    # Plain database lookups: the search index has no "code" field, and the admin's search
    # by name or code crashed with SearchFieldError.
    search_backend_name = None


register_snippet(CountryViewSet)


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    # Every admin user may see it: legal reviewers are not superusers.
    return MenuItem(
        _("Legal content due for review"),
        reverse("knowledge_due_for_review"),
        icon_name="calendar-check",
        order=150,
    )


@hooks.register("register_reports_menu_item")
def register_decisions_to_do_menu_item():
    return MenuItem(
        _("Decisions not yet translated or reviewed"),
        reverse("knowledge_decisions_to_do"),
        icon_name="doc-full",
        order=160,
    )


@hooks.register("register_admin_urls")
def register_due_for_review_url():
    return [
        path(
            "reports/legal-review-due/",
            DueForReviewReport.as_view(),
            name="knowledge_due_for_review",
        ),
        path(
            "reports/legal-review-due/results/",
            DueForReviewReport.as_view(results_only=True),
            name="knowledge_due_for_review_results",
        ),
        path(
            "reports/decisions-to-do/",
            DecisionsToDoReport.as_view(),
            name="knowledge_decisions_to_do",
        ),
        path(
            "reports/decisions-to-do/results/",
            DecisionsToDoReport.as_view(results_only=True),
            name="knowledge_decisions_to_do_results",
        ),
    ]
