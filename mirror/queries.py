from django.conf import settings
from django.utils import translation

from .models import MirrorAddress


def addresses_for_active_language():
    """Every mirror address once, with its note in the reader's language where translated
    (else the English note): an address is an address in every language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    preference = {language: 0, settings.LANGUAGE_CODE: 1}
    chosen = {}
    for row in MirrorAddress.objects.select_related("locale"):
        rank = preference.get(row.locale.language_code, 2)
        kept = chosen.get(row.translation_key)
        if kept is None or rank < kept[0]:
            chosen[row.translation_key] = (rank, row)
    return sorted((row for _rank, row in chosen.values()), key=lambda a: (a.sort_order, a.pk))
