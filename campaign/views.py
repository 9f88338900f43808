"""The signature form of an appeal: its own URL (`<appeal>/sign/`), so that only this
form, not the appeal page, sets the CSRF cookie.

Limits: SIGN_RATE_LIMIT signatures an hour from one client (behind a trusted proxy, the
client it names: core/client_address.py) and SIGN_GLOBAL_RATE_LIMIT from everyone. Only
accepted signatures count, so mistyped forms or a flood of invalid posts cannot shut the
form for the people behind the same proxy. The form says nothing of pending or rejected
signatures: only an organisation already among the published signatories is a duplicate.
"""

import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core import counters
from core.client_address import client_address
from core.headers import same_origin_referrer

from .forms import SignatureForm
from .models import Signatory

SIGN_RATE_WINDOW = 60 * 60  # seconds
GLOBAL_KEY = "campaign:sign:all"


def _client_key(request):
    """A cache key for the client's address. The address itself is never stored:
    only a salted hash, kept for the length of the window."""
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:sign:{address}".encode()).hexdigest()
    return f"campaign:sign:{digest}"


def _over_rate_limit(request):
    # Shared through the cache and kept by each worker too (core/counters.py): while Redis
    # is away each worker still applies the limits.
    return (
        counters.count(_client_key(request)) >= settings.SIGN_RATE_LIMIT
        or counters.count(GLOBAL_KEY) >= settings.SIGN_GLOBAL_RATE_LIMIT
    )


def _count_accepted(request):
    for key in (_client_key(request), GLOBAL_KEY):
        counters.increment(key, SIGN_RATE_WINDOW)


def _render(request, page, form, status=200, **extra):
    response = page.render(
        request,
        template="campaign/appeal_sign_page.html",
        context_overrides={"form": form, **extra},
    )
    response.status_code = status
    # What a signer typed (and their CSRF token) stays out of every cache.
    patch_cache_control(response, private=True, no_store=True)
    return same_origin_referrer(response)  # the form posts (core/headers.py)


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
                "Too many signatures have arrived in the last hour. Nothing has been sent: "
                "please try again in an hour."
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
    if Signatory.duplicate_of(appeal, data["name"], data["country"], data["website"]):
        return _render(
            request,
            page,
            form,
            status=409,
            form_message=_(
                "This organisation is already among the signatories of this appeal. "
                "It is not added twice."
            ),
        )
    try:
        with transaction.atomic():
            Signatory.objects.create(
                appeal=appeal,
                name=data["name"].strip(),
                country=data["country"],
                website=data["website"],
                contact_email=data["contact_email"],
            )
    except IntegrityError:
        # The same submission is already waiting for review (the form was posted twice):
        # it is kept once, and the sender learns nothing they did not type.
        pass
    else:
        _count_accepted(request)
    return redirect(page.url + page.reverse_subpage("thanks"))


def thanks(request, page):
    return page.render(
        request,
        template="campaign/appeal_sign_page.html",
        context_overrides={"form": None, "thanks": True},
    )
