import logging

from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the site builds on: caching, headers, dates, shared blocks and
    images, language versions. It imports no other app of the project."""

    name = "core"
    verbose_name = _("Site-wide building blocks")

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.models import UploadedFile

        from . import page_cache
        from .images import strip_pending_upload_metadata, strip_uploaded_image_metadata
        from .log_format import OncePerMinute

        page_cache.connect_purge_signals()
        logging.getLogger("core.cache").addFilter(OncePerMinute())
        pre_save.connect(
            strip_uploaded_image_metadata,
            sender=get_image_model(),
            dispatch_uid="core.strip_uploaded_image_metadata",
        )
        pre_save.connect(
            strip_pending_upload_metadata,
            sender=UploadedFile,
            dispatch_uid="core.strip_pending_upload_metadata",
        )
