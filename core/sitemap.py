"""`/sitemap.xml` for every language, `/robots.txt` naming it, and `/favicon.ico`.

Wagtail's own sitemap lists the descendants of the site's root page only: the English tree.
The other languages' home pages are the root page's translations, beside it in the tree, so
this sitemap walks each of them, and every URL names its translations as hreflang alternates
(one query for all of them, not one per page).
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).live()
        within = Q()
        for root in roots:
            within |= Q(path__startswith=root.path)
        if not within:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .filter(within)
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = {}
        for item in pages:
            versions.setdefault(item.translation_key, []).append(item)
        urls = []
        for item in pages:
            alternates = self._alternates(versions[item.translation_key])
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _alternates(self, versions):
        if len(versions) < 2:
            return []
        alternates = [
            {"lang_code": version.locale.language_code, "location": self.location(version)}
            for version in versions
        ]
        for alternate in alternates:
            if alternate["lang_code"] == settings.LANGUAGE_CODE:
                alternates.append({"lang_code": "x-default", "location": alternate["location"]})
                break
        return alternates


def sitemap(request):
    response = wagtail_sitemap_view(request, sitemaps={"pages": MultilingualSitemap})
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search results are readers' own questions, not pages to index.
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))
