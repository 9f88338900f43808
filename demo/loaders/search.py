"""Demo search synonyms (demo/data/search_synonyms.yaml): per language, the abbreviations,
colloquial words and official terms readers use for the same thing."""

import uuid

from wagtail.models import Locale

from search import vocabulary
from search.models import SearchSynonym

from .. import data

# Groups of different languages about one thing share a translation key, so the admin shows
# them as translations of one another; derived from the group's key, the same on every load.
NAMESPACE = uuid.UUID("5f1d3c2a-8f0e-4f5b-9c61-3b0c9b0e7a11")


def load(context):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for group in data.search_synonyms():
        key = uuid.uuid5(NAMESPACE, group["key"])
        country = group.get("country", "")
        for code, terms in group.items():
            if code not in locales:  # "key", "country", "broad"
                continue
            SearchSynonym.objects.get_or_create(
                translation_key=key,
                locale=locales[code],
                defaults={
                    "terms": "\n".join(terms),
                    "note": f"demo: {group['key']}",
                    "country": country,
                    "broad": group.get("broad", False),
                },
            )
    # Publishing each page added its words once; counted over all pages, "Did you mean" and
    # completions prefer the words most pages use ("asylum", not the German "Asyl" one
    # English page quotes).
    vocabulary.rebuild()
