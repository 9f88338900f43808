"""Tags for readers' pages that say how a translation relates to its English original."""

from django import template

from core.content_cache import content_lookup

from ..freshness import newer_original as find_newer_original

register = template.Library()


@register.simple_tag(takes_context=True)
def newer_original(context):
    """The English original of the page being shown, if it changed after this translation
    was last synced (see translation.freshness)."""
    page = context.get("page")
    if page is None or getattr(page, "locale_id", None) is None:
        return None
    return _newer_original(page)


@content_lookup("newer-original")  # "no newer original" is kept too
def _newer_original(page):
    return find_newer_original(page)
