from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Editors' accounts: two-factor login and its setup, the lockout page, dev admin."""

    name = "accounts"
    verbose_name = _("Editor accounts")
