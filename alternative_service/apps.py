from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlternativeServiceConfig(AppConfig):
    """The application builder for alternative civilian service: an editor-maintained page per
    country and language (its legal basis, explanations, the Russian wording of the application
    and the deadlines), a form that fills in the application in the response only, and the
    deadlines as an iCalendar file."""

    name = "alternative_service"
    verbose_name = _("Alternative service applications")
    default_auto_field = "django.db.models.BigAutoField"
