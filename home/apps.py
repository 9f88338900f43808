from django.apps import AppConfig
from django.db.models.signals import pre_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide settings"

    def ready(self):
        from wagtail.images import get_image_model

        from .images import strip_uploaded_image_metadata

        pre_save.connect(
            strip_uploaded_image_metadata,
            sender=get_image_model(),
            dispatch_uid="home.strip_uploaded_image_metadata",
        )
