"""Queries other apps use to show news (the country profiles call these)."""

from core.content_cache import content_lookup
from core.privacy import public
from knowledge.models import Country

from .models import NewsPage


@content_lookup("latest-news")
def latest_news_for_country(country_id, locale_id, limit=5):
    """The newest live news in the given locale about the given Country, in one query.

    News pages point at the English Country rows in every language; a Country of
    any language is accepted and matched by its translation key.
    """
    same_country = Country.objects.filter(pk=country_id).values("translation_key")
    # A subquery, not a join with DISTINCT: no duplicates to remove, so PostgreSQL can
    # walk the newest-first index and stop after `limit` rows.
    about_country = NewsPage.countries.through.objects.filter(
        country__translation_key__in=same_country
    ).values("newspage_id")
    return list(
        public(NewsPage.objects.live())
        .filter(locale_id=locale_id, pk__in=about_country)
        .order_by("-date", "-pk")[:limit]
    )
