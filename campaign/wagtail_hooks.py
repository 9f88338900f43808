"""Admin: the campaign team moderates signatures under Snippets › Signatory organisations."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from .models import Signatory


class SignatoryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Signatory.Status.choices)

    class Meta:
        model = Signatory
        fields = ["status", "appeal"]


class SignatoryViewSet(SnippetViewSet):
    model = Signatory
    icon = "group"
    menu_label = "Signatures"
    add_to_admin_menu = True
    list_display = ["name", "country", "appeal", "status", "submitted_at"]
    list_export = ["name", "country", "website", "appeal", "status", "submitted_at"]
    filterset_class = SignatoryFilterSet
    search_fields = ["name"]
    ordering = ["status", "-submitted_at"]


register_snippet(SignatoryViewSet)
