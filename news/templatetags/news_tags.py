"""News shown on other apps' pages, so that those apps need not import this one."""

from django import template

from ..queries import latest_news_for_country

register = template.Library()


@register.inclusion_tag("news/includes/related_news.html")
def latest_news(profile, limit=5):
    """{% latest_news page %} on a country profile: the newest news about its country in
    the profile's language."""
    return {"news_items": latest_news_for_country(profile.country_id, profile.locale_id, limit)}
