"""Wagtail API v2: open data for country profiles, guides and news (read-only, JSON).

Filter by language with `?locale=ru`, by type with `?type=knowledge.CountryProfilePage`,
ask for fields with `?fields=rules,country`, and search with `?search=…&locale=ru`.

`/api/v2/images/` and `/api/v2/documents/` list only files that a live public page shows:
an upload nobody published (a translator's draft, a photo not used yet) stays unlisted, and
its original's address is not given away.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from django.http import Http404

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex, Site

from rest_framework.renderers import JSONRenderer

from knowledge.models import DecisionPage
from search import routing
from search.api import PagesSearchAPIViewSet
from search.node import describe
from search.query import clean_query

logger = logging.getLogger(__name__)


def used_on_live_pages(model):
    """Ids of `model` objects that a live public page refers to (Wagtail's reference index
    covers foreign keys, StreamField blocks and inline rows of pages)."""
    live_pages = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    return (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(model),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=live_pages,
        )
        .annotate(target=Cast("to_object_id", IntegerField()))
        .values("target")
    )


class FileSearchFilter(SearchFilter):
    """`?search=` on files with the search page's query cleaning (a raw `"` was a 500 on
    SQLite) and the database backend when the node cannot answer (a 400, never a 500)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        cleaned = clean_query(request.GET["search"])
        if not cleaned:
            return queryset.none()
        names = ["default", routing.FALLBACK] if routing.has_fallback() else ["default"]
        for name in names:
            try:
                results = queryset.search(cleaned, backend=name, order_by_relevance=True)
                results.count()  # reach the backend here, where a failure can fall back
                return results
            except Exception as error:
                logger.warning("File search failed on the %r backend: %s", name, describe(error))
        raise BadRequestError("search is not available at the moment")


# JSON only: DRF's browsable HTML API (what a browser gets) sets a CSRF cookie.
JSON_ONLY = [JSONRenderer]
# No list is this long; a larger offset (2**63 was a 500: the database's integers end there)
# is refused before it reaches the database.
MAX_OFFSET = 10_000_000


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isascii() and offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class FindByIdMixin:
    """`find/?id=abc` was a 500 (Wagtail passes the text to the query as it is)."""

    def find_object(self, queryset, request):
        if "id" in request.GET:
            raw = request.GET["id"]
            if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
                raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


class OpenDataPagesAPIViewSet(FindByIdMixin, PagesSearchAPIViewSet):
    renderer_classes = JSON_ONLY
    pagination_class = BoundedPagination

    def find_object(self, queryset, request):
        """`find/?html_path=/uk/knowledge/russia/`: public paths start with their language,
        which Wagtail's own lookup (from the site's root page) does not understand."""
        parts = [part for part in request.GET.get("html_path", "").split("/") if part]
        languages = {code for code, _name in settings.LANGUAGES}
        site = Site.find_for_request(request)
        if parts and parts[0] in languages and site is not None:
            home = (
                site.root_page.get_translations(inclusive=True)
                .filter(locale__language_code=parts[0])
                .first()
            )
            if home is None:
                return None
            try:
                page = home.specific.route(request, parts[1:]).page
            except Http404:
                return None
            return page if queryset.filter(pk=page.pk).exists() else None
        return super().find_object(queryset, request)


class DecisionsAPIViewSet(OpenDataPagesAPIViewSet):
    """`/api/v2/decisions/?locale=ru&fields=*`: the decisions only, filterable by their fields
    (`?outcome=rejected`, `?situation=deserters`, `?decided_on=2024-08-22`)."""

    model = DecisionPage

    def get_queryset(self):
        # ?type= would widen the list to other pages: this endpoint lists decisions only.
        public = self.get_base_queryset().values_list("pk", flat=True)
        return self.model.objects.filter(pk__in=public)


def published_files(viewset):
    """`viewset` (Wagtail's images or documents endpoint) listing only files live pages show,
    as JSON, with bounded offsets, strict ids and the cleaned search."""

    class Published(FindByIdMixin, viewset):
        renderer_classes = JSON_ONLY
        pagination_class = BoundedPagination
        filter_backends = [
            FileSearchFilter if backend is SearchFilter else backend
            for backend in viewset.filter_backends
        ]

        def get_queryset(self):
            return super().get_queryset().filter(pk__in=used_on_live_pages(self.model))

    Published.__name__ = f"Published{viewset.__name__}"
    return Published


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenDataPagesAPIViewSet)
api_router.register_endpoint("decisions", DecisionsAPIViewSet)
api_router.register_endpoint("images", published_files(ImagesAPIViewSet))
api_router.register_endpoint("documents", published_files(DocumentsAPIViewSet))
