"""Editors' login: an optional second factor (a TOTP authenticator app, django-otp) and no
client address for django-axes.

The code is one more field on Wagtail's own login form. An editor who has a confirmed device
must enter a valid code with the password; one without a device logs in with the password
alone, unless ADMIN_2FA_REQUIRED is on (then the login is refused with a message saying why:
an editor who cannot log in cannot reach their own setup page, so an administrator sets up the
first app). Editors set up, replace and remove their app themselves under Account → Two-factor
authentication (website/two_factor_setup.py); administrators use `manage.py add_totp_device
USERNAME` (and `--remove` for a lost phone). Only confirmed devices count here.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm

from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice


def no_client_address(request):
    """django-axes locks out by user name; it must never store or log the client's address."""
    return None


class TwoFactorLoginForm(OTPAuthenticationFormMixin, LoginForm):
    otp_token = forms.CharField(
        required=False,
        label=_("Two-factor code"),
        help_text=_("The 6-digit code from your authenticator app, if you have set one up."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _(
            "Enter the two-factor code from your authenticator app. Nothing else was wrong."
        ),
        "invalid_token": _(
            "That two-factor code is not valid (codes change every 30 seconds). "
            "Enter the current one."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()  # checks the password first
        user = self.get_user()
        if user is None:
            return cleaned_data
        if user_has_device(user, confirmed=True):
            self.clean_otp(user)
        elif settings.ADMIN_2FA_REQUIRED:
            raise forms.ValidationError(
                _(
                    "This site requires two-factor authentication and your account has no "
                    "authenticator app yet. Ask an administrator to set one up for you."
                ),
                code="device_required",
            )
        return cleaned_data

    def _chosen_device(self, user):
        # No device menu on the form: an editor has one authenticator app (confirming a new
        # one, in the admin or with the command, replaces the old one).
        return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
