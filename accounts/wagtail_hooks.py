from django.urls import path

from wagtail import hooks

from .two_factor_setup import TwoFactorView, account_menu_item


@hooks.register("register_admin_urls")
def register_two_factor_url():
    # Under /admin/, so Wagtail's admin-access check and login redirect apply.
    return [path("account/two-factor/", TwoFactorView.as_view(), name="accounts_two_factor")]


# Wagtail's extension point for pages of the editor's own account (Account → More actions).
hooks.register("register_account_menu_item", account_menu_item)


# --- the admin API lists only files of the user's own collections ---------------------
# Wagtail's admin API (`/admin/api/main/images/`, `…/documents/`) lists every file in any
# collection without a view restriction: a translator saw other teams' uploads. Registered
# after Wagtail's own hooks (order) so these replace its endpoints.

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet  # noqa: E402
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet  # noqa: E402
from wagtail.permissions import policy_registry  # noqa: E402

FILE_ACTIONS = ["add", "change", "choose"]


def permitted(request, queryset):
    policy = policy_registry.get_by_type(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(request.user, FILE_ACTIONS)
    return queryset.filter(pk__in=allowed.values("pk"))


class PermittedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return permitted(self.request, super().get_queryset())


class PermittedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return permitted(self.request, super().get_queryset())


@hooks.register("construct_admin_api", order=100)
def only_permitted_files(router):
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)
