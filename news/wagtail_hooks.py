from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsSeries


class NewsSeriesViewSet(SnippetViewSet):
    model = NewsSeries
    icon = "list-ul"
    list_display = ["name", "organisation", "locale"]


register_snippet(NewsSeriesViewSet)
