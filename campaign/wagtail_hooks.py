"""Admin: the campaign team moderates signatures under "Signatures" (campaign/moderation.py):
pending ones first, approved or rejected one by one or in bulk, counted on the dashboard."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from .models import Signatory
from .moderation import pending_list_url

# Pending first (what waits for a moderator), then approved, then rejected.
MODERATION_ORDER = Case(
    When(status=Signatory.Status.PENDING, then=Value(0)),
    When(status=Signatory.Status.APPROVED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


class SignatoryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Signatory.Status.choices, label=_("Status"))

    class Meta:
        model = Signatory
        fields = ["status", "appeal"]


class SignatoryViewSet(SnippetViewSet):
    model = Signatory
    icon = "group"
    menu_label = _("Signatures")
    add_to_admin_menu = True
    list_display = ["name", "country", "appeal", "status", "submitted_at"]
    list_export = ["name", "country", "website", "appeal", "status", "submitted_at"]
    filterset_class = SignatoryFilterSet
    search_fields = ["name"]
    ordering = ["moderation_order", "-submitted_at"]

    def get_queryset(self, request):
        return Signatory.objects.annotate(moderation_order=MODERATION_ORDER)


register_snippet(SignatoryViewSet)


class ModerationBulkAction(SnippetBulkAction):
    """Set the status of the selected signatures (approve or reject in one go)."""

    models = [Signatory]
    template_name = "campaign/admin/confirm_bulk_moderation.html"
    status = None

    def check_perm(self, signatory):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", signatory
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        view.changed, view.refused = [], []
        for signatory in objects:
            if signatory.status == cls.status:
                continue
            signatory.status = cls.status
            try:
                # clean(): an organisation is approved once per appeal; the constraint
                # stops two moderators approving duplicates at the same moment.
                signatory.full_clean()
                with transaction.atomic():
                    signatory.save()
            except (ValidationError, IntegrityError):
                view.refused.append(signatory)
            else:
                view.changed.append(signatory)
        return len(view.changed), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = self.done_message % {"count": num_parent_objects}
        if self.refused:
            message += " " + _(
                "Not approved, already among the signatories of the appeal: %(names)s."
            ) % {"names": ", ".join(s.name for s in self.refused)}
        return message


@hooks.register("register_bulk_action")
class ApproveSignaturesBulkAction(ModerationBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected signatures")
    action_priority = 10
    status = Signatory.Status.APPROVED
    question = _("Publish these signatures on their appeals?")
    button = _("Yes, approve")
    done_message = _("Signatures approved: %(count)d.")


@hooks.register("register_bulk_action")
class RejectSignaturesBulkAction(ModerationBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected signatures")
    action_priority = 20
    classes = {"serious"}
    status = Signatory.Status.REJECTED
    question = _("Reject these signatures? They are not published (and taken off their appeals).")
    button = _("Yes, reject")
    done_message = _("Signatures rejected: %(count)d.")


class PendingSignaturesPanel(Component):
    name = "pending_signatures"
    template_name = "campaign/admin/pending_signatures_panel.html"
    order = 50

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "list_url": pending_list_url()}


@hooks.register("construct_homepage_panels")
def add_pending_signatures_panel(request, panels):
    if request.user.has_perm("campaign.change_signatory"):
        count = Signatory.objects.filter(status=Signatory.Status.PENDING).count()
        panels.append(PendingSignaturesPanel(count))
