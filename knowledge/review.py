"""Legal review: the workflow that gates publishing, and the review dates it sets."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from website.page_cache import purge_page_cache

from .models.review import KnowledgeSettings

WORKFLOW_NAME = "Legal review"
REVIEWERS_GROUP = "Legal reviewers"


def review_settings_for(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return KnowledgeSettings(review_interval_days=180)
    return KnowledgeSettings.for_request(request)


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
    """Record a legal approval on the published page and its live revision, so the next
    edit starts from the reviewed date (and no extra revision is created)."""
    from .models.pages import CountryProfilePage

    day = when or timezone.localdate()
    updates = {"last_reviewed": day, "reviewed_by": user}
    type(page).objects.filter(pk=page.pk).update(**updates)
    if isinstance(page, CountryProfilePage):
        page.rules.all().update(last_reviewed=day)
    revision = page.live_revision
    if revision is not None:
        revision.content["last_reviewed"] = day.isoformat()
        revision.content["reviewed_by"] = user.pk if user else None
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
