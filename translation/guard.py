"""Only someone who may publish a translation may convert it to an alias or stop its sync.

wagtail-localize 1.14.5 asks only for the right to *edit* a translation before it converts it
to an alias of its source or stops its synced translation. Converting replaces the live
translation with the source page at once: readers of the Ukrainian deserters' guide get the
English page, still dated "last legally reviewed", without anyone reviewing it. Stopping
detaches the translation from its source for good. Both decide what readers see, so both
need the publish permission on the page (for a snippet, on its model): this module takes the
URLs of the two views (translation/wagtail_hooks.py; our hooks run first, as for po_upload.py) and
refuses everyone else, and the buttons are hidden from them (the page action menu here, the
translation editor in translation/templates/wagtail_localize/admin/edit_translation.html).

Unpublishing and deleting a live page already need the publish permission in Wagtail, in its
views, bulk actions and admin API (tests/test_translation_guard.py checks all of them).
"""

import json

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name, user_can_edit_snippet_type
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation

CONVERT_TO_ALIAS_ACTION = "localize-convert-to-alias"


def may_publish(user, instance):
    """Whether `user` may change what readers see of `instance` (a page or a snippet)."""
    if isinstance(instance, Page):
        perms = instance.permissions_for_user(user)
        # Rules and guides have no plain "Publish" (knowledge/review.py); the permission
        # itself still decides here.
        return getattr(perms, "holds_publish_permission", perms.can_publish)()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    # A snippet without drafts is live as soon as it is saved: editing is publishing.
    return user_can_edit_snippet_type(user, type(instance))


def _refuse(request, instance, message):
    messages.error(request, message)
    if isinstance(instance, Page):
        return redirect("wagtailadmin_pages:edit", instance.pk)
    return redirect(reverse("wagtailadmin_home"))


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page):
        return _refuse(
            request,
            page,
            _(
                "Only someone who may publish this page can turn it into an alias of the "
                "original: readers would see the original at once. Ask a translation lead."
            ),
        )
    return convert.convert_to_alias(request, page_id)


def stop_translation(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not may_publish(request.user, instance):
        return _refuse(
            request,
            instance,
            _(
                "Only someone who may publish this translation can stop its synchronisation "
                "with the original. Ask a translation lead."
            ),
        )
    return edit_translation.stop_translation(request, translation_id)


def submit_snippet_translation(request, app_label, model_name, pk):
    """wagtail-localize's "Translate" of a snippet, for those who may edit that snippet when
    it has no drafts: the translation it creates is live at once (a synonym group in
    Ukrainian made of the English words). `submit_translation` alone, which editors and
    moderators hold, does not allow that."""
    from wagtail.snippets.models import get_snippet_models
    from wagtail_localize.views.submit_translations import SubmitSnippetTranslationView

    model = next(
        (
            m
            for m in get_snippet_models()
            if (m._meta.app_label, m._meta.model_name) == (app_label, model_name)
        ),
        None,
    )
    live_at_once = model is not None and not issubclass(model, DraftStateMixin)
    if live_at_once and not user_can_edit_snippet_type(request.user, model):
        return _refuse(
            request,
            None,
            _(
                "Only someone who may edit %(model)s can translate them: the translation is "
                "live as soon as it is made. Ask a translation lead."
            )
            % {"model": model._meta.verbose_name_plural},
        )
    view = SubmitSnippetTranslationView.as_view()
    return view(request, app_label=app_label, model_name=model_name, pk=pk)


def editor_props_for(props, user, instance):
    """The translation editor's data (JSON), without the link to convert to an alias for a
    user who may not publish `instance`."""
    if may_publish(user, instance):
        return props
    data = json.loads(props)
    data.setdefault("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)
