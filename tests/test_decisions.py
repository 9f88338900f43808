"""Decisions: how courts and authorities decided on objectors, deserters and evaders, shown
with the rules they turn on (by country and topic), listed and filtered per language, in
the situation guide, the search, the API, an Atom feed, the comparison and an admin report."""

import html as html_module
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import polib
import pytest

from demo import data
from knowledge.models import Country, DecisionIndexPage, DecisionPage, KnowledgeIndexPage
from knowledge.models.decisions import DECISIONS_PER_PAGE, decision_errors
from knowledge.reports import decisions_to_do
from knowledge.review import WORKFLOW_NAME, mark_reviewed

from .conftest import LANGUAGE_CODES
from .knowledge_helpers import TEST_SOURCE, profile, replace_topic_rules

ATOM = "{http://www.w3.org/2005/Atom}"
LIST_URL = "/{lang}/knowledge/decisions/"


def demo_decisions():
    return data.decisions()["decisions"]


def concerns(fields, code):
    return fields["country"] == code or code in fields["related_countries"]


def newest_first(decisions):
    # The list's order: newest decision first; same day, the one added later first.
    order = {d["slug"]: position for position, d in enumerate(demo_decisions())}
    return sorted(decisions, key=lambda d: (d["decided_on"], order[d["slug"]]), reverse=True)


def titles_in(html):
    return [
        html_module.unescape(t.strip())
        for t in re.findall(r'class="decision-item__title"><a href="[^"]+">([^<]+)<', html)
    ]


def decision(slug, language="en"):
    return DecisionPage.objects.get(slug=slug, locale__language_code=language)


def new_decision(index=None, **fields):
    """A published English decision (a test source), under the English decisions index."""
    index = index or DecisionIndexPage.objects.get(locale__language_code="en")
    english = index.locale
    values = {
        "title": "A test decision",
        "slug": "a-test-decision",
        "deciding_body": "Test Court",
        "kind": "court",
        "deciding_country": Country.objects.get(code="DE", locale=english),
        "decided_on": date(2026, 6, 1),
        "country": Country.objects.get(code="RU", locale=english),
        "situation": "deserters",
        "outcome": "refugee_status",
        "topics": ["asylum"],
        "reasoning": "A test reasoning.",
        "sources": [("source", {**TEST_SOURCE, "checked": date(2026, 12, 1)})],
        **fields,
    }
    page = DecisionPage(locale=english, **values)
    index.add_child(instance=page)
    page.save_revision().publish()
    return DecisionPage.objects.get(pk=page.pk)


# --- the model --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_valid_decision_has_no_errors_and_the_help_texts_rules_are_enforced(demo_content):
    page = decision("ovg-berlin-brandenburg-2024-12-b-17-23")
    assert decision_errors(page) == {}
    page.full_clean()  # as the admin's form does before saving

    def errors(**changes):
        draft = decision("ovg-berlin-brandenburg-2024-12-b-17-23")
        for field, value in changes.items():
            setattr(draft, field, value)
        with pytest.raises(ValidationError) as raised:
            draft.full_clean()
        return raised.value.message_dict

    assert "deciding_country" in errors(kind="european_court")  # Germany for a European court
    assert "deciding_country" in errors(deciding_country=None)  # a court sits somewhere
    assert "outcome" in errors(kind="asylum_authority", outcome="convicted")
    assert decision_errors(decision("cjeu-2015-shepherd")) == {}  # no country, a ruling
    european = errors(kind="european_court", deciding_country=None, outcome="refugee_status")
    assert "grant no protection status" in european["outcome"][0]
    assert "sentence" in errors(sentence="three years in prison")  # rejected, not convicted
    assert "decided_on" in errors(decided_on=timezone.localdate() + timedelta(days=1))
    assert "topics" in errors(topics=[])
    assert "reasoning" in errors(reasoning="x" * 701)


@pytest.mark.django_db
def test_international_decisions_need_no_country_and_convictions_take_a_sentence(demo_content):
    assert decision_errors(decision("cjeu-2015-shepherd")) == {}
    zelinsky = decision("ua-ternopil-appeal-2023-zelinsky")
    assert zelinsky.sentence and decision_errors(zelinsky) == {}


# --- the demo ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_at_least_fifteen_checked_decisions_in_every_language(demo_content):
    decisions = demo_decisions()
    assert len(decisions) >= 15
    sources = data.decisions()["sources"]
    for fields in decisions:
        for source_id in fields["sources"]:
            assert sources[source_id]["url"].startswith("http"), source_id
            assert sources[source_id]["checked"], source_id
        for language in LANGUAGE_CODES:
            page = decision(fields["slug"], language)
            assert page.live and page.case_number == fields["case_number"]
            assert all(block.value["url"] for block in page.sources)


@pytest.mark.django_db
@pytest.mark.parametrize("language", data.LANGUAGES)
def test_the_decisions_catalogue_belongs_to_the_data_and_reaches_the_site(demo_content, language):
    from wagtail_localize.models import StringTranslation

    path = data.LOCALE_DIR / language / "LC_MESSAGES" / "decisions.po"
    catalogue = polib.pofile(str(path))
    assert catalogue.metadata["Language"] == language and not catalogue.fuzzy_entries()
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

    collect(data.decisions())
    assert not [e.msgid for e in catalogue if e.msgid not in texts]
    loaded = set(
        StringTranslation.objects.filter(locale__language_code=language).values_list(
            "data", flat=True
        )
    )
    book = data.phrasebook(language, domain="decisions")
    assert book and not [english for english, text in book.items() if text not in loaded]


# --- the list and its filters -----------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_every_decision_newest_first_in_the_readers_language(client, demo_content):
    expected = [d["title"] for d in newest_first(demo_decisions())][:DECISIONS_PER_PAGE]
    assert titles_in(client.get(LIST_URL.format(lang="en")).content.decode()) == expected
    russian = client.get(LIST_URL.format(lang="ru")).content.decode()
    first = newest_first(demo_decisions())[0]["title"]
    assert titles_in(russian)[0] == data.translation("ru", first, domain="decisions") != first
    assert '<html lang="ru"' in russian


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "matches"),
    [
        ({"origin": "BY"}, lambda d: concerns(d, "BY")),
        ({"decided_in": "DE"}, lambda d: d["deciding_country"] == "DE"),
        ({"decided_in": "international"}, lambda d: d["deciding_country"] is None),
        ({"situation": "objectors"}, lambda d: d["situation"] == "objectors"),
        ({"outcome": "convicted"}, lambda d: d["outcome"] == "convicted"),
        ({"year": "2023"}, lambda d: d["decided_on"].year == 2023),
        (
            {"origin": "RU", "topic": "asylum", "outcome": "rejected"},
            lambda d: concerns(d, "RU") and "asylum" in d["topics"] and d["outcome"] == "rejected",
        ),
    ],
)
def test_filters_show_the_matching_decisions_and_their_number(
    client, demo_content, params, matches
):
    expected = [d["title"] for d in newest_first(demo_decisions()) if matches(d)]
    assert expected  # the demo has decisions for each filter
    html = client.get(LIST_URL.format(lang="en"), params).content.decode()
    assert titles_in(html) == expected
    count = len(expected)
    assert f">{count} decision{'s' if count != 1 else ''}</p>" in html


def filter_group(html, label):
    return html.split(f'decision-filters__label">{label}:</span>', 1)[1].split("</p>", 1)[0]


@pytest.mark.django_db
def test_each_filter_is_a_plain_link_with_the_number_it_would_show(client, demo_content):
    html = client.get(LIST_URL.format(lang="en"), {"origin": "UA"}).content.decode()
    ukraine = [d for d in demo_decisions() if concerns(d, "UA")]
    # the outcome links count Ukraine's decisions and keep the chosen country
    outcomes = filter_group(html, "Outcome")
    convicted = sum(1 for d in ukraine if d["outcome"] == "convicted")
    assert f'<a href="?origin=UA&amp;outcome=convicted">convicted ({convicted})</a>' in outcomes
    assert f"all ({len(ukraine)})" in outcomes
    # an outcome none of Ukraine's decisions has is not offered
    assert "subsidiary protection" not in outcomes
    # the country group counts all decisions for each country (its own filter left out)
    countries = filter_group(html, "People from")
    belarus = sum(1 for d in demo_decisions() if concerns(d, "BY"))
    assert f'<a href="?origin=BY">Belarus ({belarus})</a>' in countries
    assert f"all ({len(demo_decisions())})" in countries
    assert '<strong aria-current="true">Ukraine' in countries
    # a filter that cannot be a code is ignored, one that matches nothing shows nothing
    assert client.get(LIST_URL.format(lang="en"), {"origin": "<script>"}).status_code == 200
    nothing = client.get(LIST_URL.format(lang="en"), {"origin": "ZZ"}).content.decode()
    assert "No decisions match these filters." in nothing and ">0 decisions</p>" in nothing


@pytest.mark.django_db
def test_the_list_is_paginated(client, demo_content):
    total = len(demo_decisions())
    for number in range(DECISIONS_PER_PAGE * 2 - total + 1):
        new_decision(slug=f"extra-{number}", title=f"Extra decision {number}")
    total = DECISIONS_PER_PAGE * 2 + 1
    first = client.get(LIST_URL.format(lang="en")).content.decode()
    assert len(titles_in(first)) == DECISIONS_PER_PAGE and 'rel="next"' in first
    last = client.get(LIST_URL.format(lang="en"), {"page": "3"}).content.decode()
    assert len(titles_in(last)) == total - 2 * DECISIONS_PER_PAGE
    beyond = client.get(LIST_URL.format(lang="en"), {"page": "99"}).content.decode()
    assert titles_in(beyond) == titles_in(last)
    assert client.get(LIST_URL.format(lang="en"), {"page": "abc"}).status_code == 404


# --- a decision and the rules it turns on ----------------------------------------------


def section(html, topic):
    return html.split(f'id="topic-{topic}"', 1)[1].split("</section>", 1)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "slug"), [("RU", "russia"), ("UA", "ukraine"), ("BY", "belarus")])
def test_profiles_show_the_latest_decisions_on_their_topics(client, demo_content, code, slug):
    html = client.get(f"/en/knowledge/{slug}/").content.decode()
    for topic in ("asylum", "evasion", "desertion", "objection"):
        found = [
            d for d in newest_first(demo_decisions()) if concerns(d, code) and topic in d["topics"]
        ]
        if f'id="topic-{topic}"' not in html:
            continue
        part = section(html, topic)
        if not found:
            assert "Decisions on this" not in part
            continue
        assert titles_in(part) == [d["title"] for d in found[:3]]
        assert f'href="/en/knowledge/decisions/?origin={code}&amp;topic={topic}"' in part


@pytest.mark.django_db
def test_profile_decisions_follow_the_readers_language(client, demo_content):
    html = client.get("/uk/knowledge/ukraine/").content.decode()
    found = [
        d for d in newest_first(demo_decisions()) if concerns(d, "UA") and "evasion" in d["topics"]
    ]
    expected = [data.translation("uk", d["title"], domain="decisions") for d in found[:3]]
    assert titles_in(section(html, "evasion")) == expected
    assert all(escape(d["title"]) not in html for d in found[:3])


@pytest.mark.django_db
def test_a_decision_links_to_whatever_rules_its_country_has_on_its_topics(client, demo_content):
    """Linked by country and topic, not by rule: rewriting the rules keeps the link."""
    url = "/en/knowledge/decisions/bamf-2026-avaliani/"
    html = client.get(url).content.decode()
    rules = html.split('id="decision-rules-heading"', 1)[1].split("</section>", 1)[0]
    russia = profile("russia")
    for rule in russia.rules.filter(topic__in=["asylum", "desertion", "mobilization"]):
        assert f'/en/knowledge/russia/#{rule.anchor}"' in rules
    assert not any(
        f"#{rule.anchor}" in rules
        for rule in russia.rules.exclude(topic__in=["asylum", "desertion", "mobilization"])
    )

    replaced = replace_topic_rules(russia, "asylum", [{"heading": "A rewritten asylum rule"}])
    new_rule = replaced.rules.get(heading="A rewritten asylum rule")
    html = client.get(url).content.decode()
    assert f'/en/knowledge/russia/#{new_rule.anchor}">A rewritten asylum rule</a>' in html
    profile_html = client.get("/en/knowledge/russia/").content.decode()
    assert data.decision("bamf-2026-avaliani")["title"] in titles_in(
        section(profile_html, "asylum")
    )


@pytest.mark.django_db
def test_a_decision_page_shows_its_facts_in_the_readers_language(client, demo_content):
    html = client.get("/de/knowledge/decisions/ua-ternopil-appeal-2023-zelinsky/").content.decode()
    fields = data.decision("ua-ternopil-appeal-2023-zelinsky")
    assert escape(data.translation("de", fields["reasoning"].strip(), domain="decisions")) in html
    assert "verurteilt</span>: drei Jahre Haft" in html  # outcome and sentence, in German
    assert "Kriegsdienstverweigerer" in html  # the person's situation
    reported = client.get("/en/knowledge/decisions/bamf-2026-avaliani/").content.decode()
    assert "reported on" in reported


# --- the situation guide ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_situation_guide_answers_with_decisions_on_people_like_the_reader(client, demo_content):
    html = client.get(
        "/en/knowledge/situation/", {"country": "RU", "situation": "deserted"}
    ).content.decode()
    answer = html.split("Decisions on people in this situation", 1)[1]
    found = titles_in(answer)
    assert data.decision("bamf-2026-avaliani")["title"] in found  # a Russian deserter
    assert data.decision("cjeu-2015-shepherd")["title"] in found  # bears on Russians
    assert data.decision("vg-berlin-2025-33-k-504-24-a")["title"] not in found  # conscripts
    assert data.decision("lithuania-2023-sviryd")["title"] not in found  # a Belarusian

    mobilised = client.get(
        "/uk/knowledge/situation/", {"country": "RU", "situation": "mobilized"}
    ).content.decode()
    gatchina = data.decision("ru-gatchina-2022-mushumansky")["title"]
    assert data.translation("uk", gatchina, domain="decisions") in titles_in(mobilised)


# --- search, API, feed --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["12 B 17/23", "C-472/13", "VG 33 K 519/24 A"])
def test_search_finds_a_decision_by_its_case_number(client, demo_content, query):
    expected = next(d for d in demo_decisions() if query in d["case_number"])
    html = client.get("/en/search/", {"q": query}).content.decode()
    title = escape(expected["title"])
    assert title in html
    # before any other decision that merely mentions the number
    others = [escape(d["title"]) for d in demo_decisions() if d["slug"] != expected["slug"]]
    assert all(html.index(title) < html.index(other) for other in others if other in html)
    russian = client.get("/ru/search/", {"q": query}).content.decode()
    assert escape(data.translation("ru", expected["title"], domain="decisions")) in russian


@pytest.mark.django_db
def test_the_api_lists_the_decisions_of_a_language_with_their_facts(client, demo_content):
    response = client.get(
        "/api/v2/decisions/",
        {
            "locale": "ru",
            "fields": "case_number,outcome,decided_on,country_data,reasoning",
            "limit": 50,
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["total_count"] == len(demo_decisions())
    items = {item["meta"]["slug"]: item for item in body["items"]}
    assert {item["meta"]["type"] for item in body["items"]} == {"knowledge.DecisionPage"}
    fields = data.decision("ovg-berlin-brandenburg-2024-12-b-17-23")
    item = items[fields["slug"]]
    assert item["case_number"] == "12 B 17/23" and item["outcome"] == "rejected"
    assert item["decided_on"] == "2024-08-22"
    russia = Country.objects.get(code="RU", locale__language_code="ru")
    assert item["country_data"] == {"code": "RU", "name": russia.name}
    assert item["reasoning"] == data.translation(
        "ru", fields["reasoning"].strip(), domain="decisions"
    )

    # the endpoint lists decisions only, and filters by their fields
    only = client.get("/api/v2/decisions/", {"type": "wagtailcore.Page", "locale": "en"}).json()
    assert only["meta"]["total_count"] == len(demo_decisions())
    convicted = client.get("/api/v2/decisions/", {"locale": "en", "outcome": "convicted"}).json()
    assert convicted["meta"]["total_count"] == sum(
        1 for d in demo_decisions() if d["outcome"] == "convicted"
    )
    found = client.get("/api/v2/decisions/", {"locale": "en", "search": "12 B 17/23"}).json()
    assert found["items"][0]["meta"]["slug"] == fields["slug"]


@pytest.mark.django_db
def test_the_atom_feed_lists_new_decisions_of_the_language_first(client, demo_content):
    added = new_decision(title="A decision added today", decided_on=date(2019, 1, 1))
    response = client.get("/en/knowledge/decisions/atom/")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/atom+xml"
    )
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(20, len(demo_decisions()) + 1)
    # newest publication first, whatever the decision's own date
    assert entries[0].find(f"{ATOM}title").text == "A decision added today"
    assert (
        entries[0]
        .find(f"{ATOM}link")
        .get("href")
        .endswith(f"/en/knowledge/decisions/{added.slug}/")
    )
    assert "Test Court" in entries[0].find(f"{ATOM}summary").text

    russian = ET.fromstring(  # noqa: S314 (our own response)
        client.get("/ru/knowledge/decisions/atom/").content
    )
    titles = {e.find(f"{ATOM}title").text for e in russian.findall(f"{ATOM}entry")}
    shepherd = data.decision("cjeu-2015-shepherd")["title"]
    assert data.translation("ru", shepherd, domain="decisions") in titles
    assert "A decision added today" not in titles  # not translated into Russian yet
    assert 'type="application/atom+xml"' in client.get(LIST_URL.format(lang="en")).content.decode()


# --- translation, review, report, comparison ---------------------------------------------


@pytest.mark.django_db
def test_translations_keep_the_sources_dates_numbers_and_choices(demo_content):
    english = decision("vg-berlin-2025-33-k-504-24-a")
    english.decided_on = date(2025, 1, 21)
    english.outcome = "refugee_status"
    english.case_number = "VG 33 K 504/24 A"
    english.save_revision().publish()
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    source.update_from_db()
    # "Sync translated pages", then publishing the translation
    source.create_or_update_translation(Locale.objects.get(language_code="ru"), fallback=True)
    russian = decision("vg-berlin-2025-33-k-504-24-a", "ru")
    assert (russian.decided_on, russian.outcome, russian.case_number) == (
        date(2025, 1, 21),
        "refugee_status",
        "VG 33 K 504/24 A",
    )
    assert russian.country_id == english.country_id  # the English Country row, resolved on display
    reasoning = data.decision("vg-berlin-2025-33-k-504-24-a")["reasoning"].strip()
    assert russian.reasoning == data.translation("ru", reasoning, domain="decisions")


@pytest.mark.django_db
def test_decisions_pass_the_legal_review_and_approval_stamps_them(demo_content):
    for language in ("en", "ru"):
        workflow = decision("cjeu-2020-ez", language).get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME
    page = decision("cjeu-2020-ez")
    mark_reviewed(page, None, when=date(2026, 11, 30))
    assert DecisionPage.objects.get(pk=page.pk).last_reviewed == date(2026, 11, 30)


@pytest.mark.django_db
def test_report_lists_decisions_not_yet_translated_or_reviewed(client, demo_content, admin_user):
    titles = {row.title: row for row in decisions_to_do()}
    # none of the demo decisions has been approved by a legal reviewer yet
    assert set(titles) == {d["title"] for d in demo_decisions()}
    assert all(row.review == "Never reviewed" and not row.missing for row in titles.values())

    reviewed = decision("cjeu-2015-shepherd")
    mark_reviewed(reviewed, None)
    decision("echr-2011-bayatyan", "be").delete()
    added = new_decision(title="Not translated yet")
    mark_reviewed(added, None)
    rows = {row.title: row for row in decisions_to_do()}
    assert reviewed.title not in rows  # reviewed and translated everywhere
    assert rows["Not translated yet"].missing == ["be", "de", "ru", "uk"]
    assert rows[decision("echr-2011-bayatyan").title].missing == ["be"]

    client.force_login(admin_user)
    html = client.get(reverse("knowledge_decisions_to_do")).content.decode()
    assert "Decisions not yet translated or reviewed" in html and "Not translated yet" in html


@pytest.mark.django_db
def test_comparison_shows_the_latest_outcome_per_deciding_country(client, demo_content):
    html = client.get("/en/knowledge/compare/").content.decode()
    table = html.split('id="latest-decisions-heading"', 1)[1].split("</table>", 1)[0]
    header = table.split("</thead>", 1)[0]
    columns = re.findall(r'<th scope="col">([^<]+)</th>', header)[1:]
    assert columns[-1] == "European courts and UN bodies"
    russia_row = table.split('<th scope="row">Russia</th>', 1)[1].split("</tr>", 1)[0]
    cells = russia_row.split("<td>")[1:]
    germany = cells[columns.index("Germany")]
    latest = newest_first(
        [d for d in demo_decisions() if concerns(d, "RU") and d["deciding_country"] == "DE"]
    )[0]
    assert f'/en/knowledge/decisions/{latest["slug"]}/"' in germany
    assert "rejected" in germany  # its outcome

    # a new decision becomes the latest of its cell
    new_decision(title="Newer", slug="newer", decided_on=date(2026, 11, 1))
    html = client.get("/en/knowledge/compare/").content.decode()
    table = html.split('id="latest-decisions-heading"', 1)[1]
    russia_row = table.split('<th scope="row">Russia</th>', 1)[1].split("</tr>", 1)[0]
    assert '/en/knowledge/decisions/newer/"' in russia_row and "refugee status" in russia_row


@pytest.mark.django_db
def test_the_knowledge_base_links_to_the_decisions(client, demo_content):
    html = client.get("/en/knowledge/").content.decode()
    assert 'href="/en/knowledge/decisions/"' in html
    assert (
        KnowledgeIndexPage.objects.get(locale__language_code="ru")
        .get_children()
        .type(DecisionIndexPage)
        .live()
        .exists()
    )


@pytest.mark.django_db
def test_the_page_editor_refuses_an_inconsistent_decision_next_to_the_field(
    client, demo_content, admin_user
):
    from wagtail.test.utils.form_data import querydict_from_html

    from .knowledge_helpers import field_errors, stream_form_data

    page = decision("ovg-berlin-brandenburg-2024-12-b-17-23")
    revision = page.latest_revision_id
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(url).content.decode()
    assert 'name="case_number"' in form and 'name="topics"' in form
    data = querydict_from_html(form, form_id="page-edit-form")
    data.update(stream_form_data("sources", page.sources))
    data["kind"] = "european_court"  # but Germany is still chosen as the deciding country
    response = client.post(url, data)
    assert response.status_code == 200
    assert field_errors(response.content.decode(), "deciding_country") == [
        "Leave this empty for European courts and UN bodies: they decide for no one country."
    ]
    assert DecisionPage.objects.get(pk=page.pk).latest_revision_id == revision
    # the same form, consistent again, saves a new draft
    data["kind"] = "court"
    response = client.post(url, data)
    assert response.status_code == 302
    assert DecisionPage.objects.get(pk=page.pk).latest_revision_id != revision


@pytest.mark.django_db
def test_suggestions_complete_a_case_number_and_keep_short_titles_first(client, demo_content):
    suggestions = client.get("/en/search/suggest/", {"q": "C-472"}).json()["suggestions"]
    assert data.decision("cjeu-2015-shepherd")["title"] in [s["title"] for s in suggestions]
    # "Росс…" is in many decisions' titles: the other pages' titles come first
    response = client.get("/ru/search/suggest/", {"q": "Росс"})
    titles = [s["title"] for s in response.json()["suggestions"]]
    decision_titles = {
        data.translation("ru", d["title"], domain="decisions") for d in demo_decisions()
    }
    kinds = [title in decision_titles for title in titles]
    assert kinds == sorted(kinds) and not all(kinds)
