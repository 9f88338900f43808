from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.two_factor import frontend_login
from core import page_passwords
from core.health import healthz
from core.sitemap import favicon, robots_txt, sitemap
from mirror import views as mirror_views
from search import views as search_views

from .api import api_router

# Not language-prefixed: the admin has its own language preference per user,
# and documents are the same file in every locale.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language (/en/, /de/, /ru/, /uk/, /be/).
# LocaleMiddleware redirects "/" and other unprefixed paths by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Before Wagtail's URLs, which serve Django's plain LoginView here (no second factor).
    path("_util/login/", frontend_login, name="frontend_login"),
    # Wagtail's password form of private pages, with a limit on wrong passwords (same URL).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
    ),
    # Other addresses of this site (mirror/): in every language, and in every mirror copy.
    path("mirrors/", mirror_views.mirror_list, name="mirror_list"),
    # The alternative-service application's answer and deadline calendars.
    path("", include("alternative_service.urls")),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
