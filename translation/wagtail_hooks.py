from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import guard as translation_guard
from . import po_upload
from . import update as translation_update
from .review import SUBMIT_FIELD, submit_for_review, synced_translation
from .status import State, TranslationStatusReport, for_translator, language_name


# Before wagtail-localize's own hook, which renders the translation editor for any request.
@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request, page):
    if request.method == "POST" and SUBMIT_FIELD in request.POST:
        translation = synced_translation(page)
        if translation is not None:
            return submit_for_review(request, translation, page)
    return None


# Also before wagtail-localize's: the translation editor then shows the message.
@hooks.register("before_edit_page", order=-1)
def offer_update_from_english(request, page):
    if request.method == "GET" and page.permissions_for_user(request.user).can_edit():
        translation = synced_translation(page)
        if translation is not None:
            translation_update.offer_update(request, translation)
    return None


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    # Every admin user may see it: translators and leads are not superusers.
    return MenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="globe",
        order=160,
    )


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "translations/<int:translation_id>/update-from-english/",
            translation_update.update_from_english,
            name="translation_update_source",
        ),
        path(
            "reports/translation-status/",
            TranslationStatusReport.as_view(),
            name="translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReport.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


# Takes the URL of wagtail-localize's PO upload view (our hook runs first), see po_upload.py.
@hooks.register("register_admin_urls", order=-1)
def register_po_upload_url():
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="translation_upload_pofile",
        )
    ]


# Take the URLs of wagtail-localize's "Convert to alias page", "Stop Synced translation" and
# snippet "Translate" views (our hook runs first): only users who may publish may use the
# first two, only those who may add a snippet without drafts the third (translation_guard.py).
@hooks.register("register_admin_urls", order=-1)
def register_translation_guard_urls():
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_guard.convert_to_alias,
            name="translation_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            translation_guard.stop_translation,
            name="translation_stop_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translation_guard.submit_snippet_translation,
            name="translation_submit_snippet",
        ),
    ]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    page = context.get("page")
    if page is not None and not translation_guard.may_publish(request.user, page):
        menu_items[:] = [
            item for item in menu_items if item.name != translation_guard.CONVERT_TO_ALIAS_ACTION
        ]


class TranslatorWorkPanel(Component):
    """Dashboard: what waits for a translator in their team's languages (sent back, new, out
    of date), each with a link into the translation editor (translation/status.py)."""

    name = "translator_work"
    template_name = "translation/admin/translator_work_panel.html"
    order = 40
    shown = 10  # per state; the report has the rest

    def __init__(self, work):
        self.work = work

    def get_context_data(self, parent_context):
        report = reverse("translation_status")
        languages = []
        for code, by_state in self.work.items():
            languages.append(
                {
                    "code": code,
                    "name": language_name(code),
                    "count": sum(len(rows) for rows in by_state.values()),
                    "states": [
                        {
                            "label": State(state).label,
                            "rows": rows[: self.shown],
                            "more": max(len(rows) - self.shown, 0),
                            "report_url": f"{report}?language={code}&state={state}",
                        }
                        for state, rows in by_state.items()
                        if rows
                    ],
                }
            )
        return {"languages": languages}


@hooks.register("construct_homepage_panels")
def add_translator_work_panel(request, panels):
    work = for_translator(request.user)
    if work:
        panels.append(TranslatorWorkPanel(work))
