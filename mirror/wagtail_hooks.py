from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MirrorAddress


class MirrorAddressViewSet(SnippetViewSet):
    model = MirrorAddress
    icon = "site"
    menu_label = _("Mirror addresses")
    list_display = ["url", "kind", "note", "locale"]
    search_fields = ["url", "note"]
    search_backend_name = None  # plain database lookups: not in the search index


register_snippet(MirrorAddressViewSet)
