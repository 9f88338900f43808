"""Wagtail API v2: open data for country profiles, guides and news (read-only, JSON).

Filter by language with `?locale=ru`, by type with `?type=knowledge.CountryProfilePage`,
ask for fields with `?fields=rules,country`, and search with `?search=…&locale=ru`.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.api import PagesSearchAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesSearchAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
