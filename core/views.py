"""Error views."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail.models import Page, Site


class ReaderNotFound(Http404):
    """A 404 whose message is written for readers (e.g. "There is no such page of news.")
    and is shown on the 404 page."""


def page_not_found(request, exception=None):
    """A page that does not exist in the requested language, but in another one, is shown in
    that language (English first) with a notice, instead of a dead end. An error inside a
    page that does exist (a page number that is not one) is a plain 404 with its reason."""
    if not isinstance(exception, ReaderNotFound):
        other = _same_page_in_another_language(request)
        if other is not None:
            language = request.path_info.strip("/").split("/", 1)[0]
            return HttpResponseRedirect(f"{other}?{urlencode({'untranslated': language})}")
    reason = str(exception) if isinstance(exception, ReaderNotFound) else ""
    response = render(request, "404.html", {"reason": reason}, status=404)
    return response


def _same_page_in_another_language(request):
    parts = [part for part in request.path_info.split("/") if part]
    codes = [code for code, _name in settings.LANGUAGES]
    if len(parts) < 2 or parts[0] not in codes:
        return None
    requested, path = parts[0], parts[1:]
    site = Site.find_for_request(request)
    if site is None:
        return None
    homes = {
        page.locale.language_code: page
        for page in Page.objects.live()
        .filter(translation_key=site.root_page.translation_key)
        .select_related("locale")
    }
    for code in codes:  # settings order: English first
        if code == requested or code not in homes:
            continue
        home = homes[code]
        try:
            page = home.specific.route(request, path).page
        except Http404:
            continue
        # Only the page itself, not a sub-route of a routable page (feeds, forms, filters).
        if page.url_path[len(home.url_path) :] == "/".join(path) + "/":
            return page.get_url(request)
    return None
