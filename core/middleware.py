import logging

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy

from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

# Paths that live outside the language prefix: a 404 there is a real 404,
# not a reason to redirect to /<lang>/… (which Wagtail's catch-all would accept).
UNPREFIXED_PATHS = (
    "/admin/",
    "/api/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap.xml",
    "/robots.txt",
    "/favicon.ico",
    "/healthz",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class RefuseNulCharactersMiddleware:
    """A NUL character in a path or query string is never something a reader typed;
    PostgreSQL refuses it in any string (`?locale=%00`, `/en/%00/` were 500s). Answer 400
    before anything else runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or "%00" in request.META.get("QUERY_STRING", "")
            or any(
                "\x00" in key or any("\x00" in value for value in values)
                for key, values in request.GET.lists()
            )
        ):
            return bad_request(request, NUL_MESSAGE)
        return self.get_response(request)


NUL_MESSAGE = gettext_lazy(
    "The address contains a character that is not allowed (a NUL character, “%00”)."
    " Please remove it, or search again from the search box."
)


def bad_request(request, message):
    """A 400 that says what was wrong, in the language of the address (this runs before the
    locale middleware has chosen one)."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if request.path_info.startswith("/api/"):
            return JsonResponse({"message": str(message)}, status=400)
        html = loader.render_to_string("400.html", {"message": message}, request=request)
    return HttpResponseBadRequest(html)


class DatabaseBusyMiddleware:
    """An admin form that could not be saved because the database stayed busy (SQLite's
    "database is locked" after the busy timeout) answers with a page that keeps what the
    editor typed: every posted field, ready to be sent again with one click, instead of a
    server error whose Back button may bring back a form without it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (
            isinstance(exception, OperationalError)
            and request.method == "POST"
            and request.path_info.startswith("/admin/")
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
            and _is_busy(exception)
        ):
            return None
        logger.warning("Admin form not saved, the database was busy: %s", request.path_info)
        language = UserProfile.get_for_user(request.user).get_preferred_language()
        with translation.override(language):
            response = render(
                request,
                "core/database_busy.html",
                {
                    "fields": [
                        (name, value) for name, values in request.POST.lists() for value in values
                    ],
                    "has_files": bool(request.FILES),
                    "action": request.get_full_path(),
                },
                status=503,
            )
        response["Retry-After"] = "5"
        patch_cache_control(response, private=True, no_store=True)
        return response


def _is_busy(exception):
    message = str(exception).lower()
    return "database is locked" in message or "database is busy" in message
