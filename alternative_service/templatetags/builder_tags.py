from django import template
from django.utils.translation import get_language

from core.content_cache import content_lookup

register = template.Library()


@register.simple_tag
def application_builder_for(country):
    """The live builder page for `country` in the reader's language, or None (a country
    profile links to it and to its deadline calendar)."""
    if country is None:
        return None
    return _builder(country, get_language())


@content_lookup("application-builder")  # "no builder" is kept too; a publish purges it
def _builder(country, language):
    from ..views import builder_for

    return builder_for(country)  # in `language`, the active one
