"""The signature form of an appeal: its own URL (`<appeal>/sign/`), so that only this
form, not the appeal page, sets the CSRF cookie."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .forms import SignatureForm
from .models import Signatory

SIGN_RATE_LIMIT = 5  # submissions per address and window
SIGN_RATE_WINDOW = 60 * 60  # seconds


def _rate_limit_key(request):
    """A cache key for the client's address. The address itself is never stored:
    only a salted hash, kept for the length of the window."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:sign:{address}".encode()).hexdigest()
    return f"campaign:sign:{digest}"


def _over_rate_limit(request):
    key = _rate_limit_key(request)
    cache.add(key, 0, SIGN_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, SIGN_RATE_WINDOW)
        count = 1
    return count > SIGN_RATE_LIMIT


def _render(request, page, form, status=200, **extra):
    response = page.render(
        request,
        template="campaign/appeal_sign_page.html",
        context_overrides={"form": form, **extra},
    )
    response.status_code = status
    return response


def sign_appeal(request, page):
    if not page.signing_open:
        return _render(request, page, None, closed=True)
    if request.method != "POST":
        return _render(request, page, SignatureForm())

    form = SignatureForm(request.POST)
    if _over_rate_limit(request):
        form.is_valid()
        return _render(
            request,
            page,
            form,
            status=429,
            form_message=_(
                "Too many signatures were sent from your connection. Please try again in an hour."
            ),
        )
    if form.is_spam:
        return _render(
            request,
            page,
            SignatureForm(),
            status=400,
            form_message=_("Your signature could not be accepted."),
        )
    if not form.is_valid():
        return _render(
            request,
            page,
            form,
            status=400,
            form_message=_("Please correct the fields marked below. Nothing has been sent yet."),
        )

    appeal = page.source_appeal()
    data = form.cleaned_data
    duplicate_message = _(
        "This organisation has already signed this appeal (or its signature is waiting for "
        "review). It is not added twice."
    )
    if Signatory.duplicate_of(appeal, data["name"], data["country"], data["website"]):
        return _render(request, page, form, status=409, form_message=duplicate_message)
    try:
        with transaction.atomic():
            Signatory.objects.create(
                appeal=appeal,
                name=data["name"].strip(),
                country=data["country"],
                website=data["website"],
                contact_email=data["contact_email"],
            )
    except IntegrityError:  # the same organisation posted at the same moment
        return _render(request, page, form, status=409, form_message=duplicate_message)
    return redirect(page.url + page.reverse_subpage("thanks"))


def thanks(request, page):
    return page.render(
        request,
        template="campaign/appeal_sign_page.html",
        context_overrides={"form": None, "thanks": True},
    )
