"""Editors set up their own authenticator app: Account → More actions → Two-factor
authentication (`/admin/account/two-factor/`, registered in accounts/wagtail_hooks.py).

An editor manages only their own device: nothing here takes a user or device id from the
request. The steps:

- *Set up*: a new unconfirmed TOTPDevice is created and shown as a QR code (inline SVG drawn
  on the server, no script, no request elsewhere) and as its key for typing in by hand.
  Unconfirmed devices never count at login (accounts/two_factor.py asks for confirmed ones).
- *Confirm*: a current code from the app confirms the new device and deletes any older one.
  A wrong code keeps the pending device, so the editor tries again without rescanning;
  a setup left unconfirmed for a day is deleted when the editor next opens the page.
- *Replace* an app that works, or *remove* it: only with the password or a current code, so
  that someone who finds an open admin session cannot swap in their own app. Removal is
  refused while ADMIN_2FA_REQUIRED is on (replacing stays possible).

The key is never logged and the page is never cached.
"""

import logging
import re
from base64 import b32encode
from datetime import timedelta
from urllib.parse import unquote, urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.account import AccountView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

import qrcode
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathFillImage

logger = logging.getLogger(__name__)

DEVICE_NAME = "Authenticator app"
PENDING_SETUP_LIFETIME = timedelta(days=1)
QR_CODE_PIXELS = 240


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """The setup the editor started and has not confirmed yet. One abandoned for longer
    than PENDING_SETUP_LIFETIME is deleted instead: its key was shown on a screen once and
    should not stay in the database for good."""
    pending = TOTPDevice.objects.filter(user=user, confirmed=False)
    pending.filter(created_at__lt=timezone.now() - PENDING_SETUP_LIFETIME).delete()
    return pending.order_by("-pk").first()


def qr_code_svg(url):
    """The otpauth:// URL as an inline <svg> (black on white, so it scans in the dark theme)."""
    image = qrcode.make(url, image_factory=SvgPathFillImage, border=4)
    svg = image.to_string(encoding="unicode")
    # qrcode sizes the drawing in millimetres; the admin wants a fixed, labelled image.
    opening = format_html(
        '<svg width="{}" height="{}" role="img" aria-label="{}"',
        QR_CODE_PIXELS,
        QR_CODE_PIXELS,
        _("QR code for your authenticator app"),
    )
    svg = re.sub(r'^<svg width="[^"]*" height="[^"]*"', opening, svg, count=1)
    # ElementTree built the markup from our own URL and escaped it.
    return mark_safe(svg)  # noqa: S308


def readable_key(device):
    """The base32 key in groups of four, as authenticator apps accept it."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def account_label(device):
    """What the authenticator app will call the entry ("Issuer:username")."""
    return unquote(urlsplit(device.config_url).path.lstrip("/"))


def _verify_code(device, code):
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        raise forms.ValidationError(
            _("Too many wrong codes. Wait a minute, then enter the code your app shows now."),
            code="throttled",
        )
    if not device.verify_token(code):
        raise forms.ValidationError(
            _(
                "That code is not valid. Codes change every 30 seconds: enter the one your app "
                "shows now. If it still fails, check that your phone sets its clock automatically."
            ),
            code="invalid",
        )


class ConfirmDeviceForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        _verify_code(self.device, code)
        return code


class ProveIdentityForm(forms.Form):
    """Password or a current code from the editor's working app, before their app is
    replaced or removed. Wrong passwords count towards the login lockout (django-axes)."""

    proof = forms.CharField(
        label=gettext_lazy("Your password or a current code from your app"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device

    def clean_proof(self):
        proof = self.cleaned_data["proof"]
        code = "".join(proof.split())
        if code.isdigit() and len(code) == self.device.digits:
            # Passwords cannot be all digits (NumericPasswordValidator): this is a code.
            _verify_code(self.device, code)
            return proof
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=proof) != user:
            raise forms.ValidationError(
                _("That is neither your password nor a current code from your app."),
                code="invalid",
            )
        return proof


@method_decorator(never_cache, name="dispatch")
@method_decorator(sensitive_post_parameters("code", "proof"), name="post")
class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/two_factor.html"
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            # Wagtail's own title and translation of its account page.
            {"url": reverse("wagtailadmin_account"), "label": AccountView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = confirmed_device(user)
        pending = pending_device(user)
        context.update(
            device=device,
            pending=pending,
            required=settings.ADMIN_2FA_REQUIRED,
            removal_refused=removal_refused_message(),
        )
        if pending is not None:
            context.update(
                qr_code=qr_code_svg(pending.config_url),
                key=readable_key(pending),
                account_label=account_label(pending),
            )
            context.setdefault("confirm_form", ConfirmDeviceForm(pending, prefix="confirm"))
        elif device is not None:
            for name in ("replace", "remove"):
                form = ProveIdentityForm(self.request, device, prefix=name)
                context.setdefault(f"{name}_form", form)
        return context

    def post(self, request):
        actions = {
            "start": self.start,
            "confirm": self.confirm,
            "cancel": self.cancel,
            "remove": self.remove,
        }
        action = actions.get(request.POST.get("action"))
        return action() if action else self.done()

    def done(self):
        return redirect("accounts_two_factor")

    def start(self):
        """A new pending device (after proof of identity if a working one exists)."""
        user = self.request.user
        device = confirmed_device(user)
        if device is not None:
            form = ProveIdentityForm(self.request, device, self.request.POST, prefix="replace")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(replace_form=form))
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
        return self.done()

    def confirm(self):
        user = self.request.user
        pending = pending_device(user)
        if pending is None:
            messages.error(self.request, _("There is no new app to confirm. Start again."))
            return self.done()
        form = ConfirmDeviceForm(pending, self.request.POST, prefix="confirm")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(confirm_form=form))
        with transaction.atomic():
            replaced = TOTPDevice.objects.filter(user=user).exclude(pk=pending.pk).delete()[0]
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
        # This session has just shown a current code: it stays logged in
        # (accounts.two_factor.VerifiedSessionMiddleware ends unverified ones).
        otp_login(self.request, pending)
        logger.info("Two-factor app confirmed by user %s (replaced: %s)", user.pk, replaced)
        messages.success(
            self.request,
            _("Two-factor authentication is on. From now on, logging in asks for a code."),
        )
        return self.done()

    def cancel(self):
        TOTPDevice.objects.filter(user=self.request.user, confirmed=False).delete()
        messages.success(self.request, _("Setup cancelled. Nothing was changed."))
        return self.done()

    def remove(self):
        user = self.request.user
        if settings.ADMIN_2FA_REQUIRED:
            messages.error(self.request, removal_refused_message())
            return self.done()
        device = confirmed_device(user)
        if device is None:
            return self.done()
        form = ProveIdentityForm(self.request, device, self.request.POST, prefix="remove")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(remove_form=form))
        TOTPDevice.objects.filter(user=user).delete()
        logger.info("Two-factor app removed by user %s", user.pk)
        messages.success(
            self.request,
            _("Two-factor authentication is off. You log in with your password alone."),
        )
        return self.done()


def removal_refused_message():
    return _(
        "This site requires two-factor authentication, so it cannot be turned off. "
        "To move to a new phone, set up the new app instead: the old one stops working "
        "as soon as you confirm the new one."
    )


def account_menu_item(request):
    """The entry under Account → More actions, with the editor's current state."""
    if confirmed_device(request.user) is not None:
        help_text = _("On: logging in asks for a code from your authenticator app.")
    else:
        help_text = _("Off: set up an authenticator app on your phone for a safer login.")
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": help_text,
    }
