"""Legal review: the workflow that gates publishing, and the review dates it sets.

Rules and guides (pages with ReviewedMixin) are published only by the approval of the "Legal
review" workflow. Nobody, superusers included, has Wagtail's plain "Publish" on them:
`LegalContentPermissionTester.can_publish()` says no, which hides the action in the page editor
and refuses it in the editor's, the bulk actions' and the admin API's publish, and in
wagtail-localize's translation editor; the create view's publish is refused by a
`before_publish_page` hook (knowledge/wagtail_hooks.py) and wagtail-localize's "Sync translated
pages" loses its "Publish immediately" for them (`UpdateLegalTranslationsView`). The workflow's
last step publishes without asking for that permission (knowledge/workflow_actions.py,
Wagtail's WAGTAIL_FINISH_WORKFLOW_ACTION): approving is the permission.

What is still published otherwise (a script, the shell, a superuser's emergency) is shown: an
approval records the approved revision (`mark_reviewed`), and a page whose live revision is
another one tells readers it changed since its last legal review and heads the review report
(ReviewedMixin.changed_since_review).
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    PagePermissionTester,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from core.page_cache import purge_page_cache

from .models.settings import LegalReviewSettings

WORKFLOW_NAME = "Legal review"
REVIEWERS_GROUP = "Legal reviewers"


def review_settings_for(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return LegalReviewSettings(review_interval_days=180)
    return LegalReviewSettings.for_request(request)


@transaction.atomic
def setup_legal_review():
    """Create the 'Legal reviewers' group and the 'Legal review' workflow, and attach it
    to every knowledge base (all languages). Idempotent."""
    from .models.pages import KnowledgeIndexPage

    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))

    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(reviewers)

    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for index_page in KnowledgeIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
        for permission in ("change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=reviewers,
                page=index_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=permission
                ),
            )
    return workflow


def mark_reviewed(page, user, when=None):
    """Record a legal approval of what `page` shows readers now (its live revision): the date
    and reviewer on the published page and in that revision, so the next edit starts from the
    reviewed date (and no extra revision is created), and the revision itself, so a later
    publication outside the review shows (ReviewedMixin.changed_since_review)."""
    from wagtail.models import Revision

    from .models.pages import CountryProfilePage

    day = when or timezone.localdate()
    # From the database: the caller's copy may predate the publication being approved.
    live_revision_id = (
        type(page).objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    )
    updates = {"last_reviewed": day, "reviewed_by": user, "reviewed_revision_id": live_revision_id}
    type(page).objects.filter(pk=page.pk).update(**updates)
    if isinstance(page, CountryProfilePage):
        page.rules.all().update(last_reviewed=day)
    revision = Revision.objects.filter(pk=live_revision_id).first()
    if revision is not None:
        revision.content["last_reviewed"] = day.isoformat()
        revision.content["reviewed_by"] = user.pk if user else None
        revision.content["reviewed_revision"] = revision.pk
        for rule in revision.content.get("rules") or []:
            rule["last_reviewed"] = day.isoformat()
        revision.save(update_fields=["content"])
    # The updates above bypass the signals that purge cached pages; readers must see the
    # new review date at once.
    transaction.on_commit(purge_page_cache)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    from .models.pages import ReviewedMixin

    if instance.workflow.name != WORKFLOW_NAME:
        return
    page = instance.content_object
    if hasattr(page, "specific"):
        page = page.specific
    if isinstance(page, ReviewedMixin):
        mark_reviewed(page, user)
        # The approved revision may be published to every translation later; the
        # translations' own review dates follow through the synchronised field.


def on_page_published(sender, instance, revision=None, **kwargs):
    from .changelog import record_rule_changes
    from .models.pages import CountryProfilePage

    if isinstance(instance, CountryProfilePage) and revision is not None:
        record_rule_changes(instance, revision)


class LegalContentPermissionTester(PagePermissionTester):
    """What a user may do with a rule or guide: as on any page, except publishing it outside
    the legal review (see the module's docstring)."""

    def can_publish(self):
        return False

    def holds_publish_permission(self):
        """Whether the user has the publish permission on the page: still needed for what
        changes no text (privacy, schedules) and to turn a translation into an alias of its
        reviewed original (translation/guard.py)."""
        return super().can_publish()

    def can_set_view_restrictions(self):
        return self.holds_publish_permission()

    def can_unschedule(self):
        return self.holds_publish_permission()


def is_legal_content(instance):
    from .models.pages import ReviewedMixin

    return isinstance(getattr(instance, "specific", instance), ReviewedMixin)


LEGAL_PUBLISH_REFUSED = _(
    "Rules and guides are published by the legal review: your changes are saved as a draft. "
    "Submit them to Legal review."
)


class UpdateLegalTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without "Publish immediately" for rules and
    guides (their translations are published by the legal review too) and for anyone who may
    not publish every translation: `submit_translation` alone, which editors and moderators
    hold, published them all (a synonym group's Russian words replaced by the English)."""

    def is_legal(self):
        return is_legal_content(self.object.get_source_instance())

    def may_publish_all(self):
        from translation.guard import may_publish

        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:  # not made yet: publishing it creates it
                target = None
            if target is None or not may_publish(self.request.user, target):
                return False
        return True

    def publishing_refused(self):
        return self.is_legal() or not self.may_publish_all()

    def get_form(self):
        form = super().get_form()
        if self.publishing_refused():
            # Not offered (the template draws the checkbox itself, whatever the field says),
            # and whatever is posted, False.
            del form.fields["publish_translations"]
        return form

    def get(self, request, *args, **kwargs):
        if self.is_legal():
            messages.info(request, LEGAL_TRANSLATIONS_NOT_PUBLISHED)
        elif self.publishing_refused():
            messages.info(request, TRANSLATIONS_NOT_PUBLISHED_BY_YOU)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


TRANSLATIONS_NOT_PUBLISHED_BY_YOU = _(
    "Only someone who may publish every translation can publish them from here: after the "
    "update, each translation waits in its editor."
)
LEGAL_TRANSLATIONS_NOT_PUBLISHED = _(
    "Translations of rules and guides are published by the legal review: after the update, "
    "submit each translation for review in its editor."
)
