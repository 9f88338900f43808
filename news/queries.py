"""Queries other apps use to show news (the country profiles call these)."""

from .models import NewsPage


def latest_news_for_country(country_id, locale_id, limit=5):
    """The newest live news in the given locale about the given Country, in one query.

    News pages point at the English Country rows in every language; a Country of
    any language is accepted and matched by its translation key.
    """
    from knowledge.models import Country

    same_country = Country.objects.filter(pk=country_id).values("translation_key")
    return list(
        NewsPage.objects.live()
        .filter(locale_id=locale_id, countries__translation_key__in=same_country)
        .distinct()
        .order_by("-date", "-pk")[:limit]
    )
