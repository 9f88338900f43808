"""Security and privacy headers for readers: a strict Content-Security-Policy (nothing
inline, nothing from other hosts), a Permissions-Policy that turns off device APIs, and
`Referrer-Policy: no-referrer`.

Pages with a form that posts (the signature form, Wagtail's password form for private pages)
say `same-origin` instead: under no-referrer Chromium sends `Origin: null` with the post and
Django's CSRF check refuses it. Other sites get no referrer either way.
The Wagtail admin needs inline scripts and styles, so it keeps Django's defaults
(SECURE_REFERRER_POLICY = same-origin).

The admin's preview panel shows a page in an iframe of the editor. Wagtail renders the preview
through the whole middleware chain again, with a fake request for the page's public URL
(`Page.make_preview_request`, which marks it `is_preview`): that response keeps the readers'
policy but may be framed by the admin of the same site (`frame-ancestors 'self'`); a reader's
page never may.
"""

import re

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
PREVIEW_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "frame-ancestors 'none'", "frame-ancestors 'self'"
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
POST_FORM = re.compile(rb"<form\b[^>]*\bmethod=[\"']?post", re.IGNORECASE)


def referrer_policy(response):
    """no-referrer, unless the page has a form that posts (see above)."""
    is_html = response.get("Content-Type", "").startswith("text/html")
    if is_html and not response.streaming and POST_FORM.search(response.content):
        return "same-origin"
    return "no-referrer"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not request.path_info.startswith(ADMIN_PREFIXES):
            # Set by Wagtail on its own request object, never from anything a client sends.
            preview = getattr(request, "is_preview", False)
            policy = PREVIEW_CONTENT_SECURITY_POLICY if preview else CONTENT_SECURITY_POLICY
            response.setdefault("Content-Security-Policy", policy)
            response.setdefault("Referrer-Policy", referrer_policy(response))
        return response
