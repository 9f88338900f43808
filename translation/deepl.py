"""wagtail-localize's DeepL translator, offered only for the languages DeepL translates into
(kept out of translation/machine_translation.py, which the settings import)."""

from wagtail_localize.machine_translators import deepl

# Languages of this site that DeepL cannot translate into (its list of target languages:
# https://developers.deepl.com/docs/resources/supported-languages has no Belarusian).
DEEPL_UNSUPPORTED_TARGETS = {"be"}


class DeepLTranslator(deepl.DeepLTranslator):
    """wagtail-localize's DeepL, offered only for languages DeepL translates into: for
    Belarusian the editor shows no "Translate with DeepL" that would end in an error."""

    def can_translate(self, source_locale, target_locale):
        if target_locale.language_code in DEEPL_UNSUPPORTED_TARGETS:
            return False
        return super().can_translate(source_locale, target_locale)
