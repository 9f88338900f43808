from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import po_upload, translation_guard
from .translation_review import SUBMIT_FIELD, submit_for_review, synced_translation
from .translation_status import TranslationStatusReport


# Before wagtail-localize's own hook, which renders the translation editor for any request.
@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request, page):
    if request.method == "POST" and SUBMIT_FIELD in request.POST:
        translation = synced_translation(page)
        if translation is not None:
            return submit_for_review(request, translation, page)
    return None


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    # Every admin user may see it: translators and leads are not superusers.
    return MenuItem(
        _("Translation status"),
        reverse("home_translation_status"),
        icon_name="globe",
        order=160,
    )


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReport.as_view(),
            name="home_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReport.as_view(results_only=True),
            name="home_translation_status_results",
        ),
    ]


# Takes the URL of wagtail-localize's PO upload view (our hook runs first), see po_upload.py.
@hooks.register("register_admin_urls", order=-1)
def register_po_upload_url():
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="home_upload_pofile",
        )
    ]


# Take the URLs of wagtail-localize's "Convert to alias page" and "Stop Synced translation"
# views (our hook runs first): only users who may publish may use them (translation_guard.py).
@hooks.register("register_admin_urls", order=-1)
def register_translation_guard_urls():
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_guard.convert_to_alias,
            name="home_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            translation_guard.stop_translation,
            name="home_stop_translation",
        ),
    ]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    page = context.get("page")
    if page is not None and not translation_guard.may_publish(request.user, page):
        menu_items[:] = [
            item for item in menu_items if item.name != translation_guard.CONVERT_TO_ALIAS_ACTION
        ]
