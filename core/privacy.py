"""Pages readers may see listed: none behind a password, a login or a group restriction.

Wagtail's `PageQuerySet.public()` first reads every view restriction (one query) and then
filters by their paths. Lists shown on every page view (the news, a profile's latest
news, the navigation) keep their one query with the same rule as a subquery: a page is
private when a restricted page's path is a prefix of its own (itself or an ancestor).
Search engines cannot run a subquery: `public_for_search` gives them the same rule as path
prefixes, read from the content cache.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction

from core.content_cache import content_lookup


def public(queryset):
    """`queryset` (of pages) without the private ones, in the same single query."""
    restricted_above = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return queryset.filter(~Exists(restricted_above))


@content_lookup("restricted-paths")
def restricted_paths():
    """The paths of the pages with a view restriction (private with all below them)."""
    return tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))


def public_for_search(queryset):
    """`queryset` without the private pages, as filters every search backend can apply
    (Wagtail's `public()` rule, without its query once the paths are kept)."""
    rule = Q()
    for path in restricted_paths():
        rule &= ~Q(path__startswith=path)
    return queryset.filter(rule)


def is_private(page):
    """Whether `page` or a page above it has a view restriction (the kept paths: no query)."""
    return any(page.path.startswith(path) for path in restricted_paths())
