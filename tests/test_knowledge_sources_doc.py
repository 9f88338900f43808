"""docs/knowledge-sources.md lists every rule and guide with its sources, as the site has
them: the generated part is what `manage.py knowledge_sources_doc` writes today."""

import io
from pathlib import Path

from django.core.management import call_command

import pytest

from demo import data as demo_data
from knowledge.sources_doc import MARKER, generated_part

DOC = Path(__file__).resolve().parent.parent / "docs" / "knowledge-sources.md"


def generate():
    out = io.StringIO()
    call_command("knowledge_sources_doc", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_committed_document_is_up_to_date(demo_content):
    text = DOC.read_text(encoding="utf-8")
    assert MARKER in text
    assert generated_part(text) == generate(), (
        "docs/knowledge-sources.md is out of date: run "
        "`manage.py knowledge_sources_doc --write docs/knowledge-sources.md`"
    )


@pytest.mark.django_db
def test_it_lists_every_rule_and_guide_with_each_source_and_check_date(demo_content):
    listing = generate()
    sources = demo_data.sources()
    for fields in demo_data.profiles():
        assert f"## {fields['title']}\n" in listing
        for rule in fields["rules"]:
            block = listing.split(f"- **{rule['heading']}** (", 1)[1].split("\n- **", 1)[0]
            for number, source_id in enumerate(rule["sources"], start=1):
                source = sources[source_id]
                assert f"{number}. " in block and source["title"] in block, rule["heading"]
                assert f"<{source['url']}> Checked {source['checked'].isoformat()}." in block
    for guide in demo_data.guides():
        block = listing.split(f"### {guide['title']}\n", 1)[1].split("\n### ", 1)[0]
        for source_id in guide["sources"]:
            assert f"<{sources[source_id]['url']}>" in block, guide["slug"]


@pytest.mark.django_db
def test_write_keeps_the_hand_written_part(demo_content, tmp_path):
    doc = tmp_path / "sources.md"
    doc.write_text(f"# Notes\n\nWritten by hand.\n\n{MARKER}\n\nold list\n", encoding="utf-8")
    call_command("knowledge_sources_doc", "--write", str(doc), stdout=io.StringIO())
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Notes\n\nWritten by hand.\n\n")
    assert "old list" not in text and generated_part(text) == generate()
