"""Tell readers when the translation they read lags its English original, and where the
original is: the notice at the top of every translated page (templates/base.html), the
situation guide's answer and the comparison (knowledge), and the API's `translation_outdated`
and `source_url` of profiles and guides.

"Lags" is the translation-status report's *out of date* (translation/status.py), for what
a reader sees: the English page was published after (1) its text was last brought into the
translation editor, or after (3) the translation was last written (synced, or submitted for
review) — either way the live translation says what the English said before. The report's
reason (2), strings without a translation, is left out: on a live page such a string shows
the English text, not an outdated statement, and as long as the new English text waits in the
editor, (1) or (3) holds anyway.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog

from core.privacy import public


def is_out_of_date(source_published_at, synced_at):
    return bool(source_published_at and synced_at and source_published_at > synced_at)


@dataclass(frozen=True)
class SourceState:
    """A translation's live English original, and whether the translation lags it."""

    original: Page
    outdated: bool

    @property
    def updated_on(self):
        """The day the English original was last published (site time zone)."""
        return timezone.localdate(self.original.last_published_at)


def source_states(pages):
    """{page pk: SourceState} for the translations among `pages` (pages of any languages)
    whose English original is live and public (a private one's address and date are not
    for every reader of the translation). Three queries for any number of pages."""
    english = settings.LANGUAGE_CODE
    pages = list(pages)
    if not pages:
        return {}
    originals = {
        page.translation_key: page
        for page in public(
            Page.objects.live().filter(
                translation_key__in={page.translation_key for page in pages},
                locale__language_code=english,
            )
        )
    }
    # English pages are their own originals, not translations of them.
    pages = [
        page
        for page in pages
        if page.translation_key in originals and originals[page.translation_key].pk != page.pk
    ]
    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    locale_ids = {page.locale_id for page in pages}
    # The English text in each language's translation editor, where the translation is synced.
    in_editor = {
        (row["source__object_id"], row["target_locale_id"]): row["source__last_updated_at"]
        for row in Translation.objects.filter(
            source__object_id__in=keys,
            source__locale__language_code=english,
            target_locale_id__in=locale_ids,
            enabled=True,
        ).values("source__object_id", "target_locale_id", "source__last_updated_at")
    }
    written = {
        (row["source__object_id"], row["locale_id"]): row["written_at"]
        for row in TranslationLog.objects.filter(
            source__object_id__in=keys,
            source__locale__language_code=english,
            locale_id__in=locale_ids,
        )
        .values("source__object_id", "locale_id")
        .annotate(written_at=Max("created_at"))
    }
    states = {}
    for page in pages:
        original = originals[page.translation_key]
        published = original.last_published_at
        key = (page.translation_key, page.locale_id)
        # (1) The English text in the translation editor is older than the English page.
        not_in_editor = key in in_editor and is_out_of_date(published, in_editor[key])
        # (3) The translation was last written before the English page was published.
        last_written = written.get(key) or page.last_published_at
        states[page.pk] = SourceState(
            original, not_in_editor or is_out_of_date(published, last_written)
        )
    return states


def newer_original(page):
    """The live English page if `page` (a translation) lags it, else None. Three queries
    for a translation, none for an English page."""
    # Pages are served in their own language, so the active language tells (no query).
    if page is None or get_language() == settings.LANGUAGE_CODE:
        return None
    state = source_states([page]).get(page.pk)
    return state.original if state is not None and state.outdated else None
