"""Which language versions of the current page exist, for the switcher and hreflang.

A page links to its own translations; where a translation is missing the
switcher leads to that language's home page and says so. Non-page views (search)
exist in every language, so their URL is simply re-prefixed.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from core.content_cache import content_lookup
from core.privacy import public


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # the language's own name, e.g. "Українська"
    url: str
    is_current: bool
    is_translation: bool  # False: no translation, the link goes to that language's home


def language_versions(request, page=None):
    """One LanguageVersion per configured language, in settings order (3 queries at most)."""
    cached = getattr(request, "_language_versions", None)
    if cached is not None and cached[0] is page:
        return cached[1]

    current = get_language()
    names = dict(settings.LANGUAGES)  # each language in its own words
    codes = list(names)
    locale_codes = _locale_codes()

    if page is not None:
        by_code = _live_urls_by_language(request, page.translation_key, locale_codes)
        if page.live and current not in by_code:
            # A private page, shown to someone allowed to see it: its own entry is itself.
            by_code = {**by_code, current: page.get_url(request)}
        translated = set(by_code)
    elif not _is_page_route(request):
        # A view that exists in every language, e.g. search.
        by_code = {code: translate_url(request.get_full_path(), code) for code in codes}
        translated = set(codes)
    else:
        by_code, translated = {}, set()

    homes = None
    versions = []
    for code in codes:
        url = by_code.get(code)
        if url is None:
            if homes is None:
                homes = _home_urls(request, locale_codes)
            url = homes.get(code, f"/{code}/")
        versions.append(
            LanguageVersion(
                code=code,
                name=names[code],
                url=url,
                is_current=code == current,
                is_translation=code in translated,
            )
        )
    request._language_versions = (page, versions)
    return versions


def _is_page_route(request):
    match = getattr(request, "resolver_match", None)
    return match is None or match.url_name == "wagtail_serve"


@content_lookup("locale-codes")
def _locale_codes():
    codes = [code for code, _name in settings.LANGUAGES]
    return dict(Locale.objects.filter(language_code__in=codes).values_list("id", "language_code"))


def _live_urls_by_language(request, translation_key, locale_codes):
    """{language code: URL} of the live pages with this translation key (one query, kept
    in the content cache until the next publish). Not the private ones: their addresses
    (slugs) would be shown on every public translation."""
    site = Site.find_for_request(request)
    site_id = site.pk if site is not None else None
    return _live_urls(site_id, translation_key, request=request, locale_codes=locale_codes)


@content_lookup("language-urls")
def _live_urls(site_id, translation_key, *, request, locale_codes):
    pages = public(
        Page.objects.live().filter(translation_key=translation_key, locale_id__in=locale_codes)
    )
    return {locale_codes[p.locale_id]: p.get_url(request) for p in pages}


def _home_urls(request, locale_codes):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return _live_urls_by_language(request, site.root_page.translation_key, locale_codes)
