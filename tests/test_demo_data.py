"""The demo content is data: English in demo/data/*.yaml, translations in one PO catalogue
per language, loaded through wagtail-localize; nothing outside demo/ depends on it."""

import ast
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


@pytest.mark.django_db
@pytest.mark.parametrize("language", data.LANGUAGES)
def test_every_translation_in_the_catalogue_reaches_the_site(demo_content, language):
    """Each translated entry matched a segment wagtail-localize offered: none is lost to a
    typo, a changed English text or a paragraph split differently."""
    # Russia's first version is published in English only, before any translation exists.
    before = [p.get("russia_before_2024", {}) for p in data.profiles()]
    english_only = {v.strip() for fields in before for v in fields.values() if isinstance(v, str)}
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
