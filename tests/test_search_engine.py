"""Per-language analysis on a real search node through Wagtail's opensearch2 backend.

Runs only when ELASTICSEARCH_URL names a node (CI starts one with .ci/start-search-node, see
docs/search-engine.md). Each test run uses its own index prefix and deletes its indexes.
"""

import os
import uuid

from wagtail.models import Page
from wagtail.search.utils import parse_query_string

import pytest
from modelsearch.backends import get_search_backend

from search.backend_settings import search_backends
from search.query import Transliterated
from search.translit import skeleton

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="needs a search node: set ELASTICSEARCH_URL (e.g. $(.ci/start-search-node))",
    ),
    pytest.mark.django_db,
]

LANGUAGES = ["en", "de", "ru", "uk", "be"]

# Page titles per language, indexed into that language's backend.
TITLES = {
    "en": ["Help for deserters and their families", "Conscientious objection: how to apply"],
    "de": [
        "Antrag auf Kriegsdienstverweigerung",
        "Beratung für Deserteure aus Russland",
        "Asylanträge und Wehrpflicht",
    ],
    "ru": [
        "Правила мобилизации и отсрочки",
        "Списки мобилизованных граждан",
        "Уголовная ответственность за дезертирство и помощь дезертирам",
    ],
    "uk": [
        "Мобілізація: хто підлягає призову",
        "Відповідальність дезертирів",
        "Як оскаржити повістку",
    ],
    "be": ["Дапамога ўцекачоў ад мабілізацыі", "Позва і адтэрміноўка"],
}


def make_backend(conf):
    params = dict(conf)
    return get_search_backend(params.pop("BACKEND"), **params)


@pytest.fixture(scope="module")
def language_backends():
    """One backend per language with a fresh index (own prefix per run), deleted afterwards."""
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    config = search_backends(ELASTICSEARCH_URL, LANGUAGES, index_prefix=prefix)
    backends = {lang: make_backend(config[lang]) for lang in LANGUAGES}
    for backend in backends.values():
        index = backend.get_index_for_model(Page)
        index.reset()
        index.add_model(Page)
    yield backends
    for backend in backends.values():
        backend.get_index_for_model(Page).delete()


@pytest.fixture
def indexed(language_backends, home_pages):
    """Create the pages of TITLES under each locale's home page (rolled back after the test)
    and index each language's pages into that language's backend only (the routing a publish
    hook does). Yields {lang: backend}; removes the documents afterwards."""
    added = []
    for lang, titles in TITLES.items():
        parent = home_pages[lang]
        pages = [
            parent.add_child(instance=Page(title=title, slug=f"engine-test-{i}", live=True))
            for i, title in enumerate(titles)
        ]
        index = language_backends[lang].get_index_for_model(Page)
        index.add_items(Page, pages)
        index.refresh()
        added.append((index, pages))
    yield language_backends
    for index, pages in added:
        for page in pages:
            index.delete_item(page)
        index.refresh()


def titles_found(backend, query):
    return {page.title for page in backend.search(query, Page)}


@pytest.mark.parametrize(
    ("lang", "query", "title"),
    [
        ("en", "desertion", "Help for deserters and their families"),
        ("en", "objections", "Conscientious objection: how to apply"),
        ("de", "Kriegsdienstverweigerer", "Antrag auf Kriegsdienstverweigerung"),
        ("de", "Kriegsdienstverweigerern", "Antrag auf Kriegsdienstverweigerung"),
        ("de", "Deserteur", "Beratung für Deserteure aus Russland"),
        ("de", "Asylantrag", "Asylanträge und Wehrpflicht"),
        ("de", "wehrpflichtige", "Asylanträge und Wehrpflicht"),
        ("ru", "мобилизация", "Правила мобилизации и отсрочки"),
        ("ru", "мобилизованные", "Списки мобилизованных граждан"),
        ("ru", "дезертира", "Уголовная ответственность за дезертирство и помощь дезертирам"),
        ("ru", "отсрочкой", "Правила мобилизации и отсрочки"),
        ("uk", "мобілізації", "Мобілізація: хто підлягає призову"),
        ("uk", "призов", "Мобілізація: хто підлягає призову"),
        ("uk", "дезертира", "Відповідальність дезертирів"),
        ("uk", "повістки", "Як оскаржити повістку"),
        ("be", "уцекачоу", "Дапамога ўцекачоў ад мабілізацыі"),
        ("be", "МАБІЛІЗАЦЫІ", "Дапамога ўцекачоў ад мабілізацыі"),
        # The light Belarusian stemmer (core/lemmas.py, the same pattern on the node).
        ("be", "мабілізацыя", "Дапамога ўцекачоў ад мабілізацыі"),
        ("be", "уцекачы", "Дапамога ўцекачоў ад мабілізацыі"),
        ("be", "позву", "Позва і адтэрміноўка"),
        ("be", "адтэрміноўкі", "Позва і адтэрміноўка"),
    ],
)
def test_inflected_forms_match_through_the_language_analyzer(indexed, lang, query, title):
    assert title in titles_found(indexed[lang], query)


@pytest.mark.parametrize(
    ("lang", "query", "title"),
    [
        # Snowball Russian: participle and noun keep different stems
        # ("мобилизова" / "мобилизац"); a lemmatiser or synonyms would be needed.
        ("ru", "мобилизованных", "Правила мобилизации и отсрочки"),
        # No German decompounding: the part does not find the compound.
        ("de", "Verweigerung", "Antrag auf Kriegsdienstverweigerung"),
        # Ukrainian lemmas: a participle is not its noun either.
        ("uk", "мобілізованих", "Мобілізація: хто підлягає призову"),
    ],
)
def test_known_limits_of_the_analyzers(indexed, lang, query, title):
    """What the analyzers do NOT join (documented in docs/search-engine.md). If one of these
    starts matching, update the documentation and move the case up."""
    assert title not in titles_found(indexed[lang], query)


@pytest.mark.parametrize(
    ("lang", "latin", "title"),
    [
        ("ru", "mobilizatsii", "Правила мобилизации и отсрочки"),
        ("ru", "otsrochki", "Правила мобилизации и отсрочки"),
        ("ru", "dezertirstvo", "Уголовная ответственность за дезертирство и помощь дезертирам"),
        ("uk", "povistku", "Як оскаржити повістку"),
        ("uk", "pryzovu", "Мобілізація: хто підлягає призову"),
        ("be", "mabilizacyi", "Дапамога ўцекачоў ад мабілізацыі"),
    ],
)
def test_latin_letters_find_cyrillic_titles_through_icu(indexed, lang, latin, title):
    """ICU's Any-Latin and the skeleton rules on the node (search/backend_settings.py): a Latin
    word as readers type it finds the Cyrillic word, with no vocabulary involved."""
    assert title in titles_found(indexed[lang], Transliterated(latin))


def test_the_node_builds_the_same_skeletons_as_python(language_backends):
    """search/translit.py and the node's "latin" analyzer must agree, letter for letter."""
    words = [
        "мобилизация",
        "Мобілізація",
        "ўцекачоў",
        "дэзерціраў",
        "щит",
        "Україна",
        "объявление",
        "подъезд",
        "льгота",
        "вьюга",
        "Їжак",
        "ґанок",
        "ёрш",
        "эхо",
        "счёт",
        "жена",
        "хлеб",
        "цех",
        "чай",
        "шум",
        "йод",
        "Ёлка",
    ]
    index = language_backends["ru"].get_index_for_model(Page)
    answer = index.es.indices.analyze(
        index=index.name, body={"analyzer": "latin", "text": " ".join(words)}
    )
    assert [t["token"] for t in answer["tokens"]] == [skeleton(w) for w in words]


def test_languages_are_kept_apart(indexed):
    assert titles_found(indexed["de"], "мобилизация") == set()
    assert "Правила мобилизации и отсрочки" not in titles_found(indexed["uk"], "мобилизация")


@pytest.mark.parametrize(
    "raw",
    [
        '"',
        '"мобилизация',
        'мобилизация"',
        "*",
        "мобилиз*",
        "(",
        "мобилизация AND (дезертир",
        "a:b ~ ^ OR NOT )",
        '"Правила мобилизации"',
        "x" * 10_000,
        "<script>alert(1)</script>",
    ],
)
def test_query_syntax_characters_do_not_error(indexed, raw):
    backend = indexed["ru"]
    list(backend.search(raw, Page))  # plain text: the engine analyses, never parses
    filters, query = parse_query_string(raw)  # quotes become a Phrase query
    list(backend.search(query, Page))
    list(backend.search(raw, Page, operator="and"))


def test_phrase_query_and_locale_filter(indexed, home_pages):
    backend = indexed["ru"]
    _, phrase = parse_query_string('"правила мобилизации"')
    assert {p.title for p in backend.search(phrase, Page)} == {"Правила мобилизации и отсрочки"}
    ru_pages = Page.objects.filter(locale=home_pages["ru"].locale)
    assert "Списки мобилизованных граждан" in {
        p.title for p in backend.search("мобилизованный", ru_pages)
    }


def test_two_hundred_hits_come_in_one_request_without_a_scroll(language_backends, home_pages):
    """The search page asks for up to 200 hits. Wagtail would page through them with the
    scroll API (three requests and a scroll context on the node per reader's search); they
    come in one request, all of them, best first, their ids read from doc values (stored
    fields made the node decompress each hit's whole document)."""
    backend = language_backends["en"]
    parent = home_pages["en"]
    pages = [
        parent.add_child(instance=Page(title=f"Deserter report {i}", slug=f"many-{i}", live=True))
        for i in range(130)
    ]
    index = backend.get_index_for_model(Page)
    index.add_items(Page, pages)
    index.refresh()
    calls, asked = [], {}
    for name in ("search", "scroll", "clear_scroll"):
        method = getattr(backend.es, name)

        def spy(*args, _name=name, _method=method, **kwargs):
            calls.append(_name)
            asked.update(kwargs)
            return _method(*args, **kwargs)

        setattr(backend.es, name, spy)
    try:
        found = list(
            backend.search("deserter report", Page.objects.filter(pk__in=[p.pk for p in pages]))[
                :120
            ]
        )
    finally:
        for name in ("search", "scroll", "clear_scroll"):
            del backend.es.__dict__[name]
        for page in pages:
            index.delete_item(page)
        index.refresh()
    assert calls == ["search"]
    assert asked["docvalue_fields"] == ["pk"]
    assert len(found) == 120
    assert len({p.pk for p in found}) == 120
