"""Security and privacy headers for readers, on top of django-csp and
django-permissions-policy (the policies themselves are in the settings).

Readers get `Referrer-Policy: no-referrer` (SECURE_REFERRER_POLICY). A page with a form that
posts says `same-origin` instead: under no-referrer Chromium sends `Origin: null` with the
post and Django's CSRF check refuses it. Other sites get no referrer either way. Those pages
say so themselves (`same_origin_referrer`: the signature form, the password form of private
pages in core.models.SitePage); the admin, whose every screen posts, by its URL prefix.

The admin needs inline scripts and styles, so it has no Content-Security-Policy
(EXCLUDE_URL_PREFIXES). Its preview panel shows a page in an iframe of the editor: Wagtail
renders the preview through the whole middleware chain again, with a fake request for the
page's public URL (`Page.make_preview_request`, which marks it `is_preview`). That response
keeps the readers' policy but may be framed by the admin of the same site
(`frame-ancestors 'self'`); a reader's page never may.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
SAME_ORIGIN = "same-origin"


def same_origin_referrer(response):
    """Mark `response` (a page with a form that posts to this site) `same-origin`."""
    response["Referrer-Policy"] = SAME_ORIGIN
    return response


class ReaderCSPMiddleware(CSPMiddleware):
    """django-csp, with the admin's previews framable by the same site."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # Set by Wagtail on its own request object, never from anything a client sends.
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class AdminReferrerPolicyMiddleware:
    """Every admin screen posts forms (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIXES):
            response.setdefault("Referrer-Policy", SAME_ORIGIN)
        return response
