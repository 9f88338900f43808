from dataclasses import dataclass

from django import template
from django.utils.translation import get_language

from wagtail.models import Site

from core import dates
from core.content_cache import content_lookup, localized
from core.languages import language_versions
from core.privacy import public

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value):
    """{{ value|long_date }}: what |date:"DATE_FORMAT" gives, remembered per language."""
    return dates.long_date(value)


# Where a page without an editor's search description says what it is about, in this order.
DESCRIPTION_FIELDS = ("summary", "teaser", "introduction", "reasoning", "headline")
DESCRIPTION_LENGTH = 160


@register.simple_tag
def meta_description(page):
    """The page's search description, else its first sentences (summary, teaser,
    introduction…), cut at a word before 160 characters: what search engines and link
    previews show."""
    if page is None:
        return ""
    text = getattr(page, "search_description", "") or next(
        (
            value
            for name in DESCRIPTION_FIELDS
            if (value := getattr(page, name, "")) and isinstance(value, str)
        ),
        "",
    )
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


@register.simple_tag(takes_context=True)
def get_language_versions(context):
    """The language switcher's entries for whatever the template is showing."""
    request = context.get("request")
    if request is None:
        return []
    return language_versions(request, context.get("page"))


def locale_home(request):
    """The home page in the active language, looked up once per request (the header's
    home link and the main navigation both need it)."""
    if request is None:
        return None
    key = f"_locale_home_{get_language()}"
    if not hasattr(request, key):
        site = Site.find_for_request(request)
        home = _home(site, get_language()) if site is not None else None
        setattr(request, key, home)
    return getattr(request, key)


@content_lookup("home")
def _home(site, language):
    return localized(site.root_page)  # in `language`, the active one


@register.simple_tag(takes_context=True)
def locale_home_url(context):
    """The home page in the active language (the bare prefix if it has none)."""
    request = context.get("request")
    home = locale_home(request)
    url = home.get_url(request) if home is not None else None
    return url or f"/{get_language()}/"


@dataclass(frozen=True)
class Section:
    page: object
    url: str
    current: bool  # the page shown is this section or below it


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """[Section]: the sections of the site (the home page's live children with "Show in
    menus") in the active language, in the order editors arrange them in the page tree (one
    query), the one holding the page shown marked current."""
    request = context.get("request")
    home = locale_home(request)
    if home is None:
        return []
    shown = context.get("page")
    path = getattr(shown, "path", "") or ""
    return [
        Section(page, url, bool(path) and path.startswith(page.path))
        for page, url in _sections(home, request=request)
    ]


@content_lookup("sections")
def _sections(home, *, request):
    children = public(home.get_children().live()).in_menu().order_by("path")
    return [(page, page.get_url(request)) for page in children]


@register.simple_tag(takes_context=True)
def untranslated_language(context):
    """(code, name) of the language a reader asked for when they were sent to another
    language version because the page has no translation (?untranslated=de), else None."""
    from django.conf import settings

    request = context.get("request")
    code = request.GET.get("untranslated", "") if request is not None else ""
    names = dict(settings.LANGUAGES)
    if code in names and code != get_language():
        return code, names[code]
    return None
