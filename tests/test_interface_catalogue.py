"""Every interface string is translated into German, Russian, Ukrainian and Belarusian."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["de", "ru", "uk", "be"])
def test_catalogue_is_complete_and_usable(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 100
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"
    for entry in catalogue:
        if entry.msgid_plural:
            expected = 2 if language == "de" else 3
            assert len([f for f in entry.msgstr_plural.values() if f]) == expected, entry.msgid


@pytest.mark.parametrize("language", ["de", "ru", "uk", "be"])
def test_compiled_catalogue_is_up_to_date(language):
    source = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    translated = {entry.msgid for entry in source.translated_entries()}
    assert translated == {entry.msgid for entry in compiled if entry.msgid}
