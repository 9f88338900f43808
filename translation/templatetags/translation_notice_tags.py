"""Tags for readers' pages that say how a translation relates to its English original."""

from django import template

from core.content_cache import cached_content

from ..freshness import newer_original as find_newer_original

register = template.Library()


@register.simple_tag(takes_context=True)
def newer_original(context):
    """The English original of the page being shown, if it changed after this translation
    was last synced (see translation.freshness)."""
    page = context.get("page")
    if page is None or getattr(page, "locale_id", None) is None:
        return None
    # In a 1-tuple, so that "no newer original" is kept too.
    return cached_content(f"newer-original:{page.pk}", lambda: (find_newer_original(page),))[0]
