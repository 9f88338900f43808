from django.urls import path

from wagtail import hooks

from .two_factor_setup import TwoFactorView, account_menu_item


@hooks.register("register_admin_urls")
def register_two_factor_url():
    # Under /admin/, so Wagtail's admin-access check and login redirect apply.
    return [path("account/two-factor/", TwoFactorView.as_view(), name="website_two_factor")]


# Wagtail's extension point for pages of the editor's own account (Account → More actions).
hooks.register("register_account_menu_item", account_menu_item)
