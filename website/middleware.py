from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template import loader

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
            return bad_request(request, "The address contains a character that is not allowed.")
        return self.get_response(request)


def bad_request(request, message):
    if request.path_info.startswith("/api/"):
        return JsonResponse({"message": message}, status=400)
    return HttpResponseBadRequest(loader.render_to_string("400.html", request=request))
