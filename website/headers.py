"""Security and privacy headers for readers: a strict Content-Security-Policy (nothing
inline, nothing from other hosts), a Permissions-Policy that turns off device APIs, and
`Referrer-Policy: no-referrer`.

Pages with a form that posts (the signature form, Wagtail's password form for private pages)
say `same-origin` instead: under no-referrer Chromium sends `Origin: null` with the post and
Django's CSRF check refuses it. Other sites get no referrer either way.
The Wagtail admin needs inline scripts and styles, so it keeps Django's defaults
(SECURE_REFERRER_POLICY = same-origin).
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
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            response.setdefault("Referrer-Policy", referrer_policy(response))
        return response
