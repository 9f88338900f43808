from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide settings")

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.models import UploadedFile

        from .images import strip_pending_upload_metadata, strip_uploaded_image_metadata

        pre_save.connect(
            strip_uploaded_image_metadata,
            sender=get_image_model(),
            dispatch_uid="home.strip_uploaded_image_metadata",
        )
        pre_save.connect(
            strip_pending_upload_metadata,
            sender=UploadedFile,
            dispatch_uid="home.strip_pending_upload_metadata",
        )
