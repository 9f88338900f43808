from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import po_upload
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
