"""The base page every public page type of the site builds on."""

from wagtail.models import Page

from .content_cache import CachedViewRestrictionsMixin
from .headers import same_origin_referrer
from .lemmas import LEMMA_SEARCH_FIELDS, page_lemmas


class SitePage(CachedViewRestrictionsMixin, Page):
    """A page readers can reach: its privacy settings come from the content cache on
    readers' requests, and the database search finds inflected words of it (its base forms
    are indexed as `search_lemmas`). A page type without these would drop out of base-form
    search and fetch its privacy settings on every request without anyone noticing, so
    tests/test_page_tree.py checks that every page type of the site is a SitePage.

    Subclasses extend `search_fields` from `SitePage.search_fields`. The search node names
    the base-form field after this model (`core_sitepage__search_lemmas`)."""

    search_fields = [*Page.search_fields, *LEMMA_SEARCH_FIELDS]

    search_lemmas = page_lemmas  # base forms for the database search

    class Meta:
        abstract = True

    def serve_password_required_response(self, request, form, action_url):
        # The password form posts to this site (core/headers.py).
        response = super().serve_password_required_response(request, form, action_url)
        return same_origin_referrer(response)
