"""Sources readers can follow: every rule and guide lists its sources, each with its kind,
the date it was checked and a link (or the reason there is no online copy), in every
language."""

import html as html_module
import json
import re
from datetime import date

from wagtail_localize.models import Translation

import pytest

from demo import data as demo_data
from knowledge.models import CountryProfilePage, GuidePage, LegalRule
from news.models import NewsPage

from .knowledge_helpers import edit_rule_and_publish, profile

LANGUAGES = ["en", "de", "ru", "uk", "be"]
# A Russian rule the tests give other sources (any rule would do).
CITING = demo_data.rule("RU", penalty_kind="criminal")


def footnotes(html, prefix):
    """{number: text of the footnote's <li>} for the sources with this id prefix."""
    items = re.findall(rf'<li id="{re.escape(prefix)}-source-(\d+)">(.*?)</li>', html, re.S)
    return {int(number): body for number, body in items}


def sync_translation(page, language):
    """Update the `language` translation from the English page, as a translator does."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language
    )
    translation.source.update_from_db()
    translation.save_target(publish=True)


def visible_text(fragment):
    """The text a reader sees, with any run of spaces (no-break spaces too) as one."""
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_lists_its_sources_with_title_and_link(client, demo_content, language):
    guides = GuidePage.objects.live().filter(locale__language_code=language)
    assert guides.exists()
    for guide in guides:
        html = client.get(guide.url).content.decode()
        shown = footnotes(html, "guide")
        sources = guide.numbered_sources
        assert sources, f"{guide.title} has no sources"
        assert sorted(shown) == list(range(1, len(sources) + 1)), guide.title
        for number, source in enumerate(sources, start=1):
            text = visible_text(shown[number])
            assert visible_text(source["title"]) in text, (guide.title, number)
            if source["url"]:
                assert f'<a href="{source["url"]}"' in shown[number]
            else:
                assert visible_text(source["no_online_copy"]) in text, (guide.title, number)


@pytest.mark.django_db
def test_a_source_shows_its_link_kind_and_check_date(client, demo_content):
    page = profile("russia")
    source = {
        "kind": "law",
        "title": "Criminal Code, Art. 352.1",
        "issuer": "Russian Federation",
        "url": "https://example.org/criminal-code/352.1",
        "no_online_copy": "",
        "date": date(2022, 9, 24),
        "checked": date(2026, 12, 1),
    }
    edit_rule_and_publish(page, CITING["heading"], sources=[("source", source)])
    rule = LegalRule.objects.get(locale__language_code="en", heading=CITING["heading"])
    html = client.get("/en/knowledge/russia/").content.decode()
    item = footnotes(html, rule.anchor)[1]
    assert (
        '<a href="https://example.org/criminal-code/352.1" rel="noopener noreferrer">'
        "Criminal Code, Art. 352.1</a>" in item
    )
    text = visible_text(item)
    assert "Russian Federation, Sept. 24, 2022" in text
    assert "(law or decree; checked on Dec. 1, 2026)" in text
    assert "No online copy" not in text


@pytest.mark.django_db
def test_a_source_without_online_copy_says_why(client, demo_content):
    page = profile("russia")
    source = {
        "kind": "court",
        "title": "Judgment of the garrison court",
        "issuer": "",
        "url": "",
        "no_online_copy": "Not published; a copy is held by the counselling service.",
        "checked": date(2026, 11, 30),
    }
    edit_rule_and_publish(page, CITING["heading"], sources=[("source", source)])
    rule = LegalRule.objects.get(locale__language_code="en", heading=CITING["heading"])
    html = client.get("/en/knowledge/russia/").content.decode()
    item = footnotes(html, rule.anchor)[1]
    assert "<a " not in item
    assert (
        "No online copy: Not published; a copy is held by the counselling service."
        in visible_text(item)
    )


@pytest.mark.django_db
def test_sources_saved_before_kinds_and_check_dates_still_show(client, demo_content):
    """StreamField JSON written before sources had a kind, an offline reason and a check
    date (in revisions and older databases) loads and renders as before."""
    rule = LegalRule.objects.get(locale__language_code="en", heading=CITING["heading"])
    old_shape = {"title": "Old source", "issuer": "TASS", "url": "https://example.org/old"}
    rule.sources = json.dumps([{"type": "source", "value": old_shape, "id": "old-1"}])
    rule.save()
    rule.refresh_from_db()
    assert not rule.numbered_sources[0]["kind"]
    html = client.get("/en/knowledge/russia/").content.decode()
    item = footnotes(html, rule.anchor)[1]
    assert '<a href="https://example.org/old" rel="noopener noreferrer">Old source</a>' in item
    assert visible_text(item) == "Old source, TASS"
    # and translators can still be given its text
    page = profile("russia")
    page.save_revision().publish()
    sync_translation(page, "ru")
    ru = profile("russia", "ru")
    assert [r for r in ru.rules.all() if r.numbered_sources[0]["title"] == "Old source"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "(Gerichtsentscheidung; geprüft am 1. Dezember 2026)"),
        ("ru", "(решение суда; проверено 1 декабря 2026"),
        ("uk", "(рішення суду; перевірено 1 грудня 2026 р.)"),
        ("be", "(рашэнне суда; праверана 1 снежня 2026"),
    ],
)
def test_source_details_are_in_the_readers_language(client, demo_content, language, expected):
    page = profile("russia")
    source = {
        "kind": "court",
        "title": "Decision",
        "issuer": "",
        "url": "https://example.org/decision",
        "no_online_copy": "",
        "checked": date(2026, 12, 1),
    }
    edit_rule_and_publish(page, CITING["heading"], sources=[("source", source)])
    # The translation follows when it is synced with the English original, as translators
    # do; the kind, date and address are synchronised, not translated.
    sync_translation(page, language)
    translated = profile("russia", language)
    english_rule = LegalRule.objects.get(locale__language_code="en", heading=CITING["heading"])
    rule = translated.rules.get(translation_key=english_rule.translation_key)
    html = client.get(translated.url).content.decode()
    item = footnotes(html, rule.anchor)[1]
    assert expected in visible_text(item)
    assert '<a href="https://example.org/decision"' in item


def source_links(html, prefix):
    """The web addresses the footnotes with this id prefix link to."""
    return re.findall(r'<a href="(https?://[^"]+)"', "".join(footnotes(html, prefix).values()))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_and_guide_shows_a_source_link_a_reader_can_open(client, demo_content, language):
    """On every profile and guide of the demo, in every language, every rule and every
    guide shows at least one numbered source that links to a web address."""
    profiles = CountryProfilePage.objects.live().filter(locale__language_code=language)
    assert profiles.count() == len(demo_data.profiles())
    for page in profiles:
        html = client.get(page.url).content.decode()
        rules = list(page.rules.all())
        expected = next(p for p in demo_data.profiles() if p["slug"] == page.slug)["rules"]
        assert len(rules) == len(expected), page.slug
        for rule in rules:
            assert source_links(html, rule.anchor), f"[{language}] {page.title} › {rule.heading}"
    guides = GuidePage.objects.live().filter(locale__language_code=language)
    assert guides.count() == len(demo_data.guides())
    for guide in guides:
        html = client.get(guide.url).content.decode()
        assert source_links(html, "guide"), f"[{language}] {guide.title}"


@pytest.mark.django_db
def test_every_demo_source_has_an_address_kind_and_check_date(demo_content):
    """Every source the demo cites, in every language, links to the text (none is left
    without an address) and says what it is and when it was checked."""
    pages = [
        (f"rule {rule.heading}", rule) for rule in LegalRule.objects.select_related("locale")
    ] + [
        (f"page {page.title}", page)
        for model in (GuidePage, NewsPage)
        for page in model.objects.all()
    ]
    missing = []
    for where, item in pages:
        for number, source in enumerate(item.numbered_sources, start=1):
            if not re.match(r"https?://", source["url"] or "") or source["no_online_copy"]:
                missing.append(f"{item.locale.language_code} {where} [{number}]: address")
            if not source["kind"] or not source["checked"]:
                missing.append(f"{item.locale.language_code} {where} [{number}]: kind, check")
    assert not missing
