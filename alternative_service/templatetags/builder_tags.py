from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def application_builder_for(country):
    """The live builder page for `country` in the reader's language, or None (a country
    profile links to it and to its deadline calendar)."""
    from core.content_cache import cached_content

    from ..views import builder_for

    if country is None:
        return None
    # In a 1-tuple, so that "no builder" is kept too; a publish purges it.
    return cached_content(
        f"application-builder:{country.translation_key}:{get_language()}",
        lambda: (builder_for(country),),
    )[0]
