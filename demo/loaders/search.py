"""Demo search synonyms (demo/data/search_synonyms.yaml): per language, the abbreviations,
colloquial words and official terms readers use for the same thing."""

import uuid

from wagtail.models import Locale

from search.models import SearchSynonym

from .. import data

# Groups of different languages about one thing share a translation key, so the admin shows
# them as translations of one another; derived from the group's key, the same on every load.
NAMESPACE = uuid.UUID("5f1d3c2a-8f0e-4f5b-9c61-3b0c9b0e7a11")


def load(context):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for group in data.search_synonyms():
        key = uuid.uuid5(NAMESPACE, group["key"])
        for code, terms in group.items():
            if code == "key" or code not in locales:
                continue
            SearchSynonym.objects.get_or_create(
                translation_key=key,
                locale=locales[code],
                defaults={"terms": "\n".join(terms), "note": f"demo: {group['key']}"},
            )
