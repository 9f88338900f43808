"""Search backends with per-language analysis for Elasticsearch 8 / OpenSearch.

Wagtail keeps one index per root model (all pages in one index) with one analyzer, so
per-language analysis needs one backend per language: each has its own INDEX_PREFIX and
sets its language's analyzer as the index's `default` analyzer, which Wagtail's mapping
uses for every text field without an explicit analyzer (titles, bodies, `_all_text`).

    WAGTAILSEARCH_BACKENDS = search_backends(ELASTICSEARCH_URL, ["en", "de", "ru", "uk", "be"])

gives a "default" backend (all locales, language-neutral analysis; the admin searches it)
plus "en", "de", "ru", "uk", "be". None of them is updated by Wagtail (`AUTO_UPDATE: False`):
saving, publishing, moving and deleting queue the update (search/indexing.py) and a worker
applies it, so no editor's request waits for the node. The backend classes
(search/node_backends) search with a short timeout and no retries, skip the node while the
breaker is open (search/node.py) and then answer from the database backend "fallback".
See docs/search-engine.md.

Analyzers need these on the node: analysis-common (every distribution has it), analysis-icu
(plugin, for "icu_folding"), and for Ukrainian morphology an analyzer named "ukrainian" (the
analysis-ukrainian plugin, or the test node in .ci/search-node). Without it, pass
`ukrainian_plugin=False` for a folding-only Ukrainian analyzer.
"""

from copy import deepcopy

from core.lemmas import BELARUSIAN_ENDINGS, BELARUSIAN_LAST_VOWEL

from .translit import LATIN_RULES_FOR_NODE

# Wagtail's backends of the same names, with the breaker and the fallback (search/node_backends).
ENGINES = {
    "opensearch2": "search.node_backends.opensearch2",  # the test node (.ci/search-node)
    "opensearch3": "search.node_backends.opensearch3",
    "elasticsearch8": "search.node_backends.elasticsearch8",  # production
    "elasticsearch9": "search.node_backends.elasticsearch9",
}

# No retries on any error: a retry doubles what a reader waits for a node that hangs, and the
# database answers meanwhile. Index writes that fail stay queued (search/indexing.py).
CLIENT_OPTIONS = {"max_retries": 0, "retry_on_timeout": False}

# Language-neutral analysis for the "default" backend, which holds every locale: words split
# on Unicode boundaries, lower-cased and folded (ё→е, ў→у, ä→a, ß→ss), no stemming.
_FOLDING = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "icu_folding"],
}

# The index's `default` analyzer per language, plus the filters they need.
ANALYZERS = {
    # Built-in: possessives, stop words, Porter stemmer ("deserters"/"desertion" → "desert").
    "en": ({"type": "english"}, {}),
    # Snowball German applied twice after the usual normalisation (ä→a, ß→ss): one pass leaves
    # agent and action nouns apart ("Kriegsdienstverweigerer" → "kriegsdienstverweig",
    # "Kriegsdienstverweigerung" → "kriegsdienstverweiger"); the second pass joins them.
    # No decompounding: "Verweigerung" does not find "Kriegsdienstverweigerung".
    "de": (
        {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "german_stop",
                "german_normalization",
                "german_snowball",
                "german_snowball",
            ],
        },
        {
            "german_stop": {"type": "stop", "stopwords": "_german_"},
            "german_snowball": {"type": "stemmer", "language": "german"},
        },
    ),
    # Built-in: Snowball Russian. Joins case forms of one word ("дезертира"/"дезертир",
    # "мобилизации"/"мобилизация"), not a participle with its noun
    # ("мобилизованных" → "мобилизова", "мобилизация" → "мобилизац").
    "ru": ({"type": "russian"}, {}),
    # Lucene's UkrainianMorfologikAnalyzer: dictionary lemmas ("мобілізації" → "мобілізація").
    "uk": ({"type": "ukrainian"}, {}),
    # No Belarusian stemmer exists in Lucene: folding ("ўцекачоў" = "уцекачоу"), then the
    # light stemmer of core/lemmas.py as two pattern_replace filters (the same patterns),
    # so "мабілізацыі" finds "мабілізацыя" on the node as on the database.
    "be": (
        {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "icu_folding", "be_endings", "be_last_vowel"],
        },
        {
            "be_endings": {
                "type": "pattern_replace",
                "pattern": BELARUSIAN_ENDINGS,
                "replacement": "$1",
            },
            "be_last_vowel": {
                "type": "pattern_replace",
                "pattern": BELARUSIAN_LAST_VOWEL,
                "replacement": "$1",
            },
        },
    ),
}

# Latin-typed Cyrillic (search/translit.py): the pages' text, transliterated by ICU
# ("Any-Latin; Latin-ASCII") and reduced to the loose skeleton by the same rules as in
# Python, is indexed as the subfield `_all_text.latin` of the Cyrillic languages; a Latin
# query word is matched against it (search/query.py, Transliterated).
LATIN_ANALYZER = "latin"
LATIN_LANGUAGES = ("ru", "uk", "be")


def _latin_analysis():
    filters = {"latin_transform": {"type": "icu_transform", "id": "Any-Latin; Latin-ASCII"}}
    names = ["lowercase", "latin_transform", "lowercase"]
    for i, (pattern, replacement) in enumerate(LATIN_RULES_FOR_NODE):
        name = f"latin_rule_{i}"
        filters[name] = {"type": "pattern_replace", "pattern": pattern, "replacement": replacement}
        names.append(name)
    filters["latin_not_empty"] = {"type": "length", "min": 1}
    names.append("latin_not_empty")
    return {"type": "custom", "tokenizer": "standard", "filter": names}, filters


# Ukrainian without the analysis-ukrainian plugin: folding only (the Russian stemmer mangles
# Ukrainian endings and joins less than it splits).
UKRAINIAN_WITHOUT_PLUGIN = (_FOLDING, {})


def language_index_settings(language_code, *, ukrainian_plugin=True):
    """INDEX_SETTINGS that make `language_code`'s analyzer the index's default analyzer."""
    if language_code == "uk" and not ukrainian_plugin:
        analyzer, filters = UKRAINIAN_WITHOUT_PLUGIN
    else:
        analyzer, filters = ANALYZERS.get(language_code, (_FOLDING, {}))
    analysis = {"analyzer": {"default": deepcopy(analyzer)}}
    filters = deepcopy(filters)
    if language_code in LATIN_LANGUAGES:
        latin, latin_filters = _latin_analysis()
        analysis["analyzer"][LATIN_ANALYZER] = latin
        filters.update(latin_filters)
    if filters:
        analysis["filter"] = filters
    return {"settings": {"analysis": analysis}}


def search_backends(
    url,
    languages,
    *,
    engine="opensearch2",
    index_prefix="objectwar_",
    ukrainian_plugin=True,
    timeout=1.0,
    index_timeout=30.0,
    fallback="fallback",
):
    """A WAGTAILSEARCH_BACKENDS dict: "default" plus one backend per language code.

    `url` is one node URL or a list of them; `languages` language codes such as
    ["en", "de", "ru", "uk", "be"] (or Django's LANGUAGES pairs); `engine` one of ENGINES.
    Index names: "<prefix>wagtailcore_page" for the default backend and
    "<prefix><code>_wagtailcore_page" for the language backends. `timeout`: seconds a search
    (connect, then read) may take; `index_timeout`: the same for index writes, which only the
    queue worker and rebuilds make. `fallback` names the database backend that answers when
    the node does not (add it to the dict: {"BACKEND": "search.database"}).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {sorted(ENGINES)}, not {engine!r}")
    urls = [url] if isinstance(url, str) else list(url)
    codes = [lang[0] if isinstance(lang, list | tuple) else lang for lang in languages]

    def backend(prefix, index_settings):
        return {
            "BACKEND": ENGINES[engine],
            "URLS": urls,
            "INDEX_PREFIX": prefix,
            "INDEX_SETTINGS": index_settings,
            "TIMEOUT": timeout,
            "INDEX_TIMEOUT": index_timeout,
            "OPTIONS": dict(CLIENT_OPTIONS),
            "FALLBACK": fallback,
            # Updates go through the queue (search/indexing.py), never inside a request.
            "AUTO_UPDATE": False,
        }

    backends = {
        "default": backend(
            index_prefix,
            {"settings": {"analysis": {"analyzer": {"default": deepcopy(_FOLDING)}}}},
        )
    }
    for code in codes:
        backends[code] = backend(
            f"{index_prefix}{code}_",
            language_index_settings(code, ukrainian_plugin=ukrainian_plugin),
        )
    return backends
