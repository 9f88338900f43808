from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale

from core.content_cache import content_lookup
from core.templatetags.site_tags import locale_home

from ..models import SafetyPage

register = template.Library()


@register.simple_tag
def quick_exit_url():
    """Where "Leave this site" goes: a neutral, busy site (QUICK_EXIT_URL)."""
    return settings.QUICK_EXIT_URL


def _under(home):
    return SafetyPage.objects.live().child_of(home).first()


@register.simple_tag(takes_context=True)
def safety_page_url(context):
    """The "Read this site safely" page under the reader's home page, else the one under the
    default site's (English) home, or "" when there is none. One query per page view, none
    from the content cache."""
    request = context.get("request")
    home = locale_home(request)
    if home is None:
        return ""
    return _safety_page_url(home, request=request) or ""


@content_lookup("safety-page")
def _safety_page_url(home, *, request):
    page = _under(home)
    if page is None and get_language() != settings.LANGUAGE_CODE:
        english = home.get_translation_or_none(Locale.get_default())
        page = _under(english) if english is not None else None
    return page.get_url(request) if page is not None else None
