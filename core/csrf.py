"""CSRF protection that never gives a reader a cookie they did not need, and a failure page
in the reader's language.

Django replaces a malformed CSRF cookie on every response, whatever the page: a reader with a
damaged or planted `csrftoken` cookie would get a new cookie from every page (and be told
apart from other readers). Here a malformed cookie on a safe request is ignored instead; a
form that needs a token (the signature form) sets a fresh one as usual.
"""

from django.conf import settings
from django.http import HttpResponseForbidden
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH
from django.template import loader
from django.utils.cache import patch_cache_control

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def well_formed(token):
    return len(token) in (CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH) and all(
        char in CSRF_ALLOWED_CHARS for char in token
    )


class IgnoreMalformedCsrfCookieMiddleware:
    """Just before Django's CsrfViewMiddleware (which `check --deploy` wants by its name)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = settings.CSRF_COOKIE_NAME
        cookie = request.COOKIES.get(name)
        if cookie is not None and request.method in SAFE_METHODS and not well_formed(cookie):
            del request.COOKIES[name]
        return self.get_response(request)


def csrf_failure(request, reason=""):
    """A form posted without a valid token: say what happened and that nothing was saved
    (Django's own page is English only and speaks of cookies and referers)."""
    response = HttpResponseForbidden(loader.render_to_string("403_csrf.html", request=request))
    patch_cache_control(response, private=True, no_store=True)
    return response
