"""A translator brings a changed English original into their translation editor, without a
translation lead syncing every language at once.

wagtail-localize's "Sync translated pages" (UpdateTranslationsView) needs the
`submit_translation` permission, which leads, editors and moderators have (wagtail-localize's
own migration gives it to the latter two), translators not. What its first step does,
`TranslationSource.update_from_db()`, takes the English page's published content as the text
to translate: unchanged strings keep their translations, changed and new ones wait for one. It
changes nothing readers see in any language. This view does that step for a translator who may
edit the translation they ask from; it does not publish, nor copy view restrictions (both are
decisions for someone who may publish).

The text to translate is one per English page: every language's editor shows the new English
text from then on (as after a lead's sync without "Publish immediately").
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from .freshness import is_out_of_date


def english_changed_at(translation):
    """When the English page was published after its text was last brought into the
    translation editor, or None."""
    source = translation.source.get_source_instance()
    if isinstance(source, Page) and is_out_of_date(
        source.last_published_at, translation.source.last_updated_at
    ):
        return source.last_published_at
    return None


def update_url(translation):
    return reverse("translation_update_source", args=[translation.pk])


def update_from_english(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:  # the translated page is gone
        raise Http404 from error
    if not isinstance(target, Page) or not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    if request.method == "POST":
        translation.source.update_from_db()
        messages.success(
            request,
            _(
                "The English text of '%(title)s' is up to date in the translation editor. "
                "Strings that changed wait for your translation; readers still see the "
                "published translation."
            )
            % {"title": translation.source.object_repr},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "translation/admin/update_from_english.html",
        {
            "translation": translation,
            "page": target,
            "changed_at": english_changed_at(translation),
            "edit_url": edit_url,
            "update_url": update_url(translation),
        },
    )


def offer_update(request, translation):
    """On opening the translation editor: say so if the English original changed since its
    text was brought into the editor, with a button to bring it in."""
    changed_at = english_changed_at(translation)
    if changed_at is None:
        return
    messages.warning(
        request,
        _(
            "The English original was changed on %(date)s, after its text was last brought "
            "into this editor: the changes are not here yet."
        )
        % {"date": date_format(localtime(changed_at), "DATE_FORMAT")},
        buttons=[messages.button(update_url(translation), _("Update from the English original"))],
    )
