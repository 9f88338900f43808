"""Translate demo pages and snippets the way translators do: through wagtail-localize.

A phrasebook maps each English source string to its translation (`demo.data.phrasebook`,
from the language's demo.po). Strings the phrasebook lacks fall back to English, as
wagtail-localize does when a translator publishes an incomplete translation.
"""

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

# A source's title and issuer are cited as published, in their own language: the demo records
# them as translated unchanged, as a translator confirms them in the editor.
CITATION_FIELDS = (".title", ".issuer")


def _kept_as_published(segment):
    path = segment.context.path
    return path.startswith("sources.") and path.endswith(CITATION_FIELDS)


def translate(instance, language_code, phrasebook, user=None):
    """Create the `language_code` translation of `instance` (a page or snippet) and
    return it; an existing translation is returned unchanged."""
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = phrasebook.get(segment.string.data)
        if not text and _kept_as_published(segment):
            text = segment.string.data
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Save a draft, then publish it here rather than letting wagtail-localize publish
    # on commit: inside the loader's transaction that deferred publish would run last,
    # with a stale copy of the page that forgets the children added in the meantime.
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(user=user, publish=True)  # saved at once, nothing deferred
        return instance.get_translation(locale)
    translation.save_target(user=user, publish=False)
    instance.get_translation(locale).get_latest_revision().publish(user=user)
    return instance.get_translation(locale)


def translate_all(instance, phrasebooks, user=None):
    """Translate `instance` into every language that has a phrasebook."""
    return {
        code: translate(instance, code, phrasebook, user=user)
        for code, phrasebook in phrasebooks.items()
    }
