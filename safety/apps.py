from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    """What keeps a watched reader safe: the "Leave this site" quick exit on every page and
    the "Read this site safely" page linked from every footer."""

    name = "safety"
    verbose_name = _("reader safety")
