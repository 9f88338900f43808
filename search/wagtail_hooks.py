"""The synonyms snippet in the admin (Snippets → Search synonyms), one list per language."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__", "note", "locale"]
    search_fields = ["terms", "note"]
    # Plain database lookups: the model is not in the search index.
    search_backend_name = None


register_snippet(SearchSynonymViewSet)
