"""PO file uploads to the translation editor: refuse a broken file, or one made for another
translation, with a message that says what is wrong, before wagtail-localize imports it.

wagtail-localize 1.14.5's upload view answers a file that polib can parse but that lacks its
X-WagtailLocalize-TranslationID header (an empty file, a catalogue from another tool) with a
server error. This view takes its URL (translation/wagtail_hooks.py) and hands the files it accepts
to wagtail-localize's view, which does the import.
"""

import os
import tempfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

import polib

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
MAX_SIZE = 10 * 1024 * 1024  # far above any page's catalogue


def _parse(data):
    # polib takes a file name or the contents; a file keeps contents from being read as a path.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as file:
        file.write(data)
    try:
        return polib.pofile(file.name, encoding="utf-8")
    finally:
        os.unlink(file.name)


def problem_with(upload, translation):
    """Why `upload` cannot be imported into `translation`, or None."""
    if upload is None:
        return _("Choose a PO file to upload.")
    if upload.size > MAX_SIZE:
        return _("This file is too large to be a PO file of one page.")
    data = upload.read()
    upload.seek(0)
    try:
        data.decode("utf-8")
        po = _parse(data)
    except (OSError, UnicodeDecodeError, ValueError):
        return _("Please upload a valid PO file: this file is not one (or not in UTF-8).")
    uuid = po.metadata.get(TRANSLATION_ID_HEADER)
    if not uuid:
        return _(
            "This PO file was not downloaded from the translation editor (it lacks the "
            "%(header)s line). Download the PO file of this translation and fill it in."
        ) % {"header": TRANSLATION_ID_HEADER}
    if uuid != str(translation.uuid):
        try:
            other = (
                Translation.objects.filter(uuid=uuid)
                .select_related("source", "target_locale")
                .first()
            )
        except ValidationError:  # not even a UUID
            other = None
        if other is None:
            return _("This PO file was created for a different translation.")
        return _(
            "This PO file was created for a different translation: '%(title)s' into "
            "%(language)s. Nothing was imported."
        ) % {
            "title": other.source.object_repr,
            "language": other.target_locale.get_display_name(),
        }
    return None


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    problem = problem_with(request.FILES.get("file"), translation)
    if problem is None:
        return edit_translation.upload_pofile(request, translation_id)
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
