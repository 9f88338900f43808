from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """How translators work on top of wagtail-localize: teams per language, review before
    publishing, freshness against the English source, PO upload and the guards on its
    views, machine translation. Listed before wagtail_localize so its templates override."""

    name = "translation"
    verbose_name = _("Translation workflow")
