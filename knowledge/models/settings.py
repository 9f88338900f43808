"""The legal review's site setting: how old a review may get before readers are warned."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.content_cache import CachedSiteSetting


@register_setting(icon="calendar-check")
class LegalReviewSettings(CachedSiteSetting, BaseSiteSetting):
    """How old a legal review may get before readers are warned."""

    review_interval_days = models.PositiveIntegerField(
        verbose_name=_("review interval (days)"),
        default=180,
        help_text=_(
            "After this many days without a legal review, profiles and guides show a "
            "warning to readers and appear in the 'Legal content due for review' report."
        ),
    )

    panels = [FieldPanel("review_interval_days")]

    class Meta:
        verbose_name = _("legal review settings")
        verbose_name_plural = _("legal review settings")
