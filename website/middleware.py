from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

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
