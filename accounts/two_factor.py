"""Editors' login: an optional second factor (a TOTP authenticator app, django-otp) and no
client address for django-axes.

The code is one more field on Wagtail's own login form. An editor who has a confirmed device
must enter a valid code with the password; one without a device logs in with the password
alone, unless ADMIN_2FA_REQUIRED is on (then the login is refused: an editor who cannot log in
cannot reach their own setup page, so an administrator sets up the first app). Editors set up,
replace and remove their app themselves under Account → Two-factor authentication
(accounts/two_factor_setup.py); administrators use `manage.py add_totp_device USERNAME` (and
`--remove` for a lost phone). Only confirmed devices count here.

The form is not the only gate: `VerifiedSessionMiddleware` ends every session whose user needs
a second factor but did not give one, however that session was made (another login view, a
session from before the device was set up or the requirement was turned on). Every failed
login shows the same message, so the form never confirms that a password was right.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm

from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

# One message for a wrong user name, a wrong password, a missing or wrong code, a throttled
# code and a missing app: a thief with a stolen password learns nothing from the form.
LOGIN_FAILED = _(
    "The user name, password or two-factor code is not right. Codes change every 30 seconds; "
    "after a wrong code, wait a few seconds before the next try."
)


def no_client_address(request):
    """django-axes locks out by user name; it must never store or log the client's address."""
    return None


class NoUserAgentForAxesMiddleware:
    """django-axes stores and logs the browser's User-Agent with every failed login (a
    fingerprint of the editor's device); it has no setting to leave it out. Admin posts,
    where logins and password checks happen, reach it without one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info.startswith("/admin/"):
            request.META["HTTP_USER_AGENT"] = ""
        return self.get_response(request)


def needs_second_factor(user):
    return settings.ADMIN_2FA_REQUIRED or user_has_device(user, confirmed=True)


class TwoFactorLoginForm(OTPAuthenticationFormMixin, LoginForm):
    otp_token = forms.CharField(
        required=False,
        label=_("Two-factor code"),
        help_text=_("The 6-digit code from your authenticator app, if you have set one up."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    # No "Remember me" (Wagtail would keep the session cookie on disk for SESSION_HOURS): a
    # login ends with the browser (templates/wagtailadmin/login.html drops the checkbox).
    remember = None

    error_messages = {**LoginForm.error_messages, "invalid_login": LOGIN_FAILED}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.ADMIN_2FA_REQUIRED:
            self.fields["otp_token"].help_text = _(
                "The 6-digit code from your authenticator app. This site requires one: "
                "if you have no app yet, ask an administrator to set one up for you."
            )

    def get_invalid_login_error(self):
        return forms.ValidationError(LOGIN_FAILED, code="invalid_login")

    def clean(self):
        cleaned_data = super().clean()  # checks the password first
        user = self.get_user()
        if user is None:
            return cleaned_data
        try:
            if user_has_device(user, confirmed=True):
                self.clean_otp(user)
            elif settings.ADMIN_2FA_REQUIRED:
                raise forms.ValidationError(LOGIN_FAILED, code="device_required")
        except forms.ValidationError:
            # Counts towards the lockout of the user name, like a wrong password.
            user_login_failed.send(
                sender=type(self),
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            self.user_cache = None
            raise forms.ValidationError(LOGIN_FAILED, code="invalid_login") from None
        return cleaned_data

    def _chosen_device(self, user):
        # No device menu on the form: an editor has one authenticator app (confirming a new
        # one, in the admin or with the command, replaces the old one).
        return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class VerifiedSessionMiddleware:
    """Ends a session whose user needs a second factor and did not give one in it.

    After django-otp's OTPMiddleware, which tells whether the session was verified with a
    device. Requests without a session cookie (every reader) pass untouched: looking at the
    session would add `Vary: Cookie` to readers' pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            if user.is_authenticated and not user.is_verified() and needs_second_factor(user):
                logout(request)
                if request.path.startswith(reverse("wagtailadmin_home")):
                    return redirect_to_admin_login(request, request.get_full_path())
        return self.get_response(request)


def redirect_to_admin_login(request, next_url=""):
    login_url = reverse("wagtailadmin_login")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        login_url += "?" + urlencode({"next": next_url})
    return redirect(login_url)


def frontend_login(request):
    """Wagtail's `_util/login/` for pages restricted to logged-in users. The site has no
    reader accounts, and Wagtail's own view there is Django's plain password form (no second
    factor): send everyone to the admin's login instead, whatever the method."""
    return redirect_to_admin_login(request, request.GET.get("next", ""))
