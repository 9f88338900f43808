"""Tell readers when the English original of the page they read changed after the
translation was last synced (the same rule as the 'Translation status' report)."""

from django.conf import settings
from django.db.models import Max
from django.utils.translation import get_language

from wagtail.models import Locale
from wagtail_localize.models import TranslationLog


def is_out_of_date(source_published_at, synced_at):
    return bool(source_published_at and synced_at and source_published_at > synced_at)


def newer_original(page):
    """The live English page if it was published after `page` (a translation) was last
    synced, else None. Two queries for a translation, none for an English page."""
    # Pages are served in their own language, so the active language tells (no query).
    if page is None or get_language() == settings.LANGUAGE_CODE:
        return None
    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    original = page.get_translations().live().filter(locale=source_locale).first()
    if original is None:
        return None
    synced_at = (
        TranslationLog.objects.filter(
            source__object_id=page.translation_key, locale_id=page.locale_id
        ).aggregate(last=Max("created_at"))["last"]
        or page.last_published_at
    )
    return original if is_out_of_date(original.last_published_at, synced_at) else None
