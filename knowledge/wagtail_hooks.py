from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
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


@hooks.register("register_admin_viewset")
def register_english_country_chooser():
    from .choosers import english_country_chooser

    return english_country_chooser


# Rules and guides are published by the legal review only (knowledge/review.py). In the edit
# view their permission tester already hides and refuses "Publish"; a new page's create view
# asks the parent page (the knowledge base), so it is refused here.
@hooks.register("construct_page_action_menu")
def no_plain_publish_of_legal_content(menu_items, request, context):
    from django.contrib.contenttypes.models import ContentType

    from .models.pages import ReviewedMixin

    page = context.get("page")
    if page is not None:
        page_class = type(page.specific)
    elif context.get("view") == "create":  # the page type is in the create view's URL
        kwargs = request.resolver_match.kwargs
        page_class = ContentType.objects.get_by_natural_key(
            kwargs["content_type_app_name"], kwargs["content_type_model_name"]
        ).model_class()
    else:
        return
    if page_class is not None and issubclass(page_class, ReviewedMixin):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_publish_page")
def publish_legal_content_through_review(request, page):
    from .review import LEGAL_PUBLISH_REFUSED, is_legal_content

    if not is_legal_content(page):
        return None
    if page.live and page.live_revision_id is None:
        # Wagtail's create view has saved the new page as live (a page's default) before
        # asking; it is a draft.
        page.live = False
        page.has_unpublished_changes = True
        page.save(update_fields=["live", "has_unpublished_changes"], clean=False)
    messages.warning(request, LEGAL_PUBLISH_REFUSED)
    return redirect("wagtailadmin_pages:edit", page.pk)


# Takes the URL of wagtail-localize's "Sync translated pages" (our hook runs first).
@hooks.register("register_admin_urls", order=-1)
def register_update_translations_url():
    from .review import UpdateLegalTranslationsView

    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateLegalTranslationsView.as_view(),
            name="knowledge_update_translations",
        )
    ]


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
