"""The demo content is data: English in demo/data/*.yaml, translations in one PO catalogue
per language, loaded through wagtail-localize; nothing outside demo/ depends on it."""

import ast
import re
from pathlib import Path

from wagtail_localize.models import StringTranslation

import polib
import pytest

from demo import data
from demo.loaders.knowledge import _rule, _sources

ROOT = Path(__file__).resolve().parent.parent


def python_files():
    skip = {".venv", "demo", "tests", "node_modules"}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] not in skip and not any(part.startswith(".") for part in parts):
            yield path


def test_nothing_outside_demo_imports_it():
    offenders = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] == "demo"
            ]
    assert not offenders


@pytest.mark.parametrize("language", data.LANGUAGES)
def test_each_catalogue_opens_in_po_tools_and_belongs_to_the_data(language):
    path = data.LOCALE_DIR / language / "LC_MESSAGES" / "demo.po"
    catalogue = polib.pofile(str(path))  # what PO editors read
    assert catalogue.metadata["Language"] == language
    assert catalogue.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert not catalogue.fuzzy_entries()
    keys = [(entry.msgctxt, entry.msgid) for entry in catalogue]
    assert len(keys) == len(set(keys)), "an English string twice without a context"
    # every entry translates text of the data files (a whole field or a paragraph of one)
    texts = set()

    def collect(value):
        if isinstance(value, dict):
            for child in value.values():
                collect(child)
        elif isinstance(value, list):
            for child in value:
                collect(child)
        elif isinstance(value, str):
            texts.add(value.strip())
            if value.startswith("<p>") and value.endswith("</p>"):
                texts.add(value[3:-4].strip())

    for name in sorted(data.DATA_DIR.rglob("*.yaml")):
        collect(data.load(str(name.relative_to(data.DATA_DIR))))
    strays = [entry.msgid for entry in catalogue if entry.msgid not in texts]
    assert not strays, f"{language}: not in demo/data: {strays[:5]}"


def strings(value):
    """Every text in a piece of the data (the stray test's walk, as a set)."""
    if isinstance(value, dict):
        return set().union(*(strings(child) for child in value.values()))
    if isinstance(value, list):
        return set().union(*(strings(child) for child in value))
    return {value.strip()} if isinstance(value, str) else set()


def not_published_in(language):
    """English text the demo publishes in English only: Russia's first version (published
    before any translation exists) and the news items whose title `language` does not
    translate, with the titles and issuers of their sources, unless used elsewhere too."""
    sources = data.sources()

    def cited(ids):
        return strings([{k: sources[i].get(k) for k in ("title", "issuer")} for i in ids])

    english_only, elsewhere = set(), set()
    for fields in data.profiles():
        before = fields.get("russia_before_2024") or {}
        english_only |= strings(before) | cited(before.get("sources", []))
        for rule in fields["rules"]:
            pending = (
                [rule["pending"]["source"]] if (rule.get("pending") or {}).get("source") else []
            )
            elsewhere |= strings(rule) | cited(rule["sources"] + pending)
        elsewhere |= strings(
            {k: v for k, v in fields.items() if k not in ("rules", "russia_before_2024")}
        )
    for guide in data.guides():
        elsewhere |= strings(guide) | cited(guide["sources"])
    for item in data.news()["items"]:
        side = elsewhere if data.is_translated(language, item["title"], "news") else english_only
        side |= strings(item) | cited(item.get("sources", []))
    for name in ("home.yaml", "campaign.yaml", "knowledge/countries.yaml"):
        elsewhere |= strings(data.load(name))
    return english_only - elsewhere


@pytest.mark.django_db
@pytest.mark.parametrize("language", data.LANGUAGES)
def test_every_translation_in_the_catalogue_reaches_the_site(demo_content, language):
    """Each translated entry matched a segment wagtail-localize offered: none is lost to a
    typo, a changed English text or a paragraph split differently (a guide's list is one
    entry in the catalogue and one segment per item on the site)."""
    english_only = not_published_in(language)
    loaded = set(
        StringTranslation.objects.filter(locale__language_code=language).values_list(
            "data", flat=True
        )
    )
    missing = [
        english
        for english, translated in data.phrasebook(language).items()
        if translated not in loaded and english not in english_only
    ]
    assert not missing, f"{language}: {missing[:5]}"


def test_a_source_without_address_or_reason_is_refused():
    catalogue = {"s": {"kind": "law", "title": "A law", "url": "", "no_online_copy": None}}
    with pytest.raises(ValueError, match="needs a url or a no_online_copy reason"):
        _sources(["s"], catalogue)
    with pytest.raises(ValueError, match="Unknown source id"):
        _sources(["nowhere"], catalogue)


def test_a_pending_change_marks_the_rule_under_review_and_cites_its_source():
    catalogue = {
        "law": {"kind": "law", "title": "The law", "url": "https://example.org/law"},
        "bill": {"kind": "official", "title": "A bill", "url": "https://example.org/bill"},
    }
    rule = _rule(
        {
            "topic": "evasion",
            "heading": "Evasion",
            "summary": "…",
            "availability": None,
            "prison_max_months": None,
            "sources": ["law"],
            "pending": {"note": "A bill would raise the penalty.\n", "source": "bill"},
        },
        catalogue,
    )
    assert rule.under_review and rule.review_note == "A bill would raise the penalty."
    assert [block.value["title"] for block in rule.sources] == ["The law", "A bill"]
    assert rule.availability == "" and rule.prison_max_months is None


def test_the_accessor_hands_out_copies():
    first = data.profile("RU")
    first["rules"].clear()
    assert data.profile("RU")["rules"]


def cited_source_ids():
    ids = []
    for fields in data.profiles():
        ids += (fields.get("russia_before_2024") or {}).get("sources", [])
        for rule in fields["rules"]:
            ids += rule["sources"] + [(rule.get("pending") or {}).get("source")]
    for guide in data.guides():
        ids += guide["sources"]
    for item in data.news()["items"]:
        ids += item.get("sources", [])
    return {i for i in ids if i}


def test_every_source_is_cited_checked_and_has_an_address():
    """The catalogue holds only sources something cites, each opened on its check date and
    found to say what it is cited for, each with an address readers can open; a title is
    what readers see, never an editor's note."""
    sources = data.sources()
    assert cited_source_ids() <= set(sources), "a page cites an unknown source"
    assert set(sources) <= cited_source_ids(), "a source nobody cites"
    for source_id, source in sources.items():
        assert source["verified"] is True, source_id
        assert str(source["url"]).startswith(("https://", "http://")), source_id
        assert not source.get("no_online_copy"), source_id
        assert source["checked"] and source["kind"], source_id
        assert not re.search(r"\(see |as cited|/work/|seed", source["title"], re.I), source_id
