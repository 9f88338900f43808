"""Pages readers may see listed: none behind a password, a login or a group restriction.

Wagtail's `PageQuerySet.public()` first reads every view restriction (one query) and then
filters by their paths. Lists shown on every page view (the news, a profile's latest
news, the navigation) keep their one query with the same rule as a subquery: a page is
private when a restricted page's path is a prefix of its own (itself or an ancestor).
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def public(queryset):
    """`queryset` (of pages) without the private ones, in the same single query."""
    restricted_above = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return queryset.filter(~Exists(restricted_above))
