"""Translators without the publish permission submit a synced translation for review.

wagtail-localize 1.14.5 replaces the page editor of a synced translation with its own
translation editor, whose only page action is "Publish in <language>" (for users allowed to
publish). Its way of saving a draft, `Translation.save_target(publish=False)`, writes the
translated fields into the page row itself, which on a live page is what readers see: not a
draft. So the translation editor gets a "Submit for review" form
(translation/templates/wagtail_localize/admin/edit_translation.html) that posts back to the
edit view; a `before_edit_page` hook
answers it by saving the translation as a *revision* (as Wagtail's editor saves a draft of a
live page) and starting the page's workflow. Reviewers approve it like any other page; the
workflow publishes that revision.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation, TranslationLog

SUBMIT_FIELD = "translation-submit-for-review"


def synced_translation(page):
    """The enabled wagtail-localize Translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def review_state(page, user):
    """What the translation editor's review panel shows to `user` for `page`."""
    perms = page.permissions_for_user(user)
    workflow_state = page.current_workflow_state
    needs_changes = bool(
        workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    )
    task_state = workflow_state.current_task_state if workflow_state else None
    in_review = bool(task_state) and not needs_changes
    actions = []
    if in_review:
        seen = set()
        for name, label, _needs_data in task_state.task.specific.get_actions(page, user):
            if name not in seen:  # "approve" comes twice: with and without a comment
                seen.add(name)
                actions.append(
                    {
                        "name": name,
                        "label": label,
                        "url": reverse(
                            "wagtailadmin_pages:workflow_action",
                            args=[page.pk, name, task_state.pk],
                        ),
                    }
                )
    return {
        "workflow": page.get_workflow(),
        "in_review": in_review,
        "needs_changes": needs_changes,
        "task": task_state.task if task_state else None,
        "can_submit": perms.can_edit() and (needs_changes or perms.can_submit_for_moderation()),
        "actions": actions,
    }


def submit_for_review(request, translation, page):
    """Save the translation as a new revision of `page` and start (or resume) its workflow."""
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    state = review_state(page, request.user)
    if not state["can_submit"]:
        if state["in_review"]:
            messages.error(request, _("This translation is already awaiting review."))
        else:
            messages.error(
                request,
                _("This page has no review workflow; ask a translation lead to publish it."),
            )
        return redirect(edit_url)

    # The page with the current translations applied, not saved: only the revision is.
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        with transaction.atomic():
            revision = draft.save_revision(user=request.user, log_action=True)
            # wagtail-localize logs each saved translation; the status report and the
            # readers' notice count from it.
            TranslationLog.objects.create(
                source=translation.source, locale=translation.target_locale, revision=revision
            )
            workflow_state = page.current_workflow_state
            if state["needs_changes"]:
                workflow_state.resume(request.user)
            else:
                state["workflow"].start(draft, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation was not submitted: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
        return redirect(edit_url)

    messages.success(
        request,
        _("The %(language)s translation of '%(title)s' has been submitted for review.")
        % {"language": translation.target_locale.get_display_name(), "title": draft.title},
    )
    return redirect(edit_url)
