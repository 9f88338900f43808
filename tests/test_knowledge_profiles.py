"""Country profiles: rules grouped by topic with sources, the derived at-a-glance box,
review dates and the public change log."""

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.models import Site

import pytest

from core.dates import long_date
from demo import data as demo_data
from knowledge.glance import duration
from knowledge.models import GuidePage, LegalReviewSettings, LegalRule

from .knowledge_helpers import edit_rule_and_publish, glance_of, profile, replace_topic_rules

# Rules of the Russian demo profile the tests below rely on (demo/data/knowledge).
OBJECTION = demo_data.rule("RU", topic="objection", availability=bool)
SERVICE = demo_data.rule("RU", topic="objection", service_months=bool)
DESERTION = demo_data.rule("RU", topic="desertion", penalty_kind="criminal")
PRISON_TERM = demo_data.rule("RU", penalty_kind="criminal", prison_max_months=bool)


def rule_in_db(fields, slug="russia"):
    return LegalRule.objects.get(
        locale__language_code="en", profile__slug=slug, heading=fields["heading"]
    )


@pytest.mark.django_db
def test_profile_shows_rules_sources_and_glance(client, demo_content):
    html = client.get("/en/knowledge/russia/").content.decode()
    glance = glance_of(html)
    assert "Can you object to military service?" in glance
    assert escape(OBJECTION["available_until"]) in glance
    assert f"{SERVICE['service_months']} months" in glance
    desertion = glance.split("Highest penalty for desertion", 1)[1].split("</div>", 1)[0]
    assert any(
        f"#{rule_in_db(r).anchor}" in desertion for r in demo_data.rules("RU", topic="desertion")
    )
    # rules grouped by topic, each with its legal basis and numbered sources
    assert '<h2 id="topic-refusal-heading">Refusal to fight, surrender</h2>' in html
    sources = demo_data.sources()
    for fields in demo_data.profile("RU")["rules"]:
        rule = rule_in_db(fields)
        assert escape(fields["heading"]) in html
        if fields.get("legal_act") and fields.get("article"):
            assert escape(f"{fields['legal_act']}, {fields['article']}") in html
        for number, source_id in enumerate(fields["sources"], start=1):
            assert f'id="{rule.anchor}-source-{number}"' in html
            assert escape(sources[source_id]["title"]) in html
    assert "Last legally reviewed on" in html
    assert "Information, not legal advice." in html


@pytest.mark.django_db
def test_a_rules_facts_keep_line_breaks_and_show_editors_text_as_text(client, demo_content):
    page = profile("russia")
    edit_rule_and_publish(
        page,
        OBJECTION["heading"],
        other_consequences="Travel ban.\n<script>alert(1)</script>",
        available_until="only <b>before</b> conscription",
    )
    html = client.get("/en/knowledge/russia/").content.decode()
    assert "<dt>Other consequences</dt><dd>Travel ban.<br>&lt;script&gt;" in html
    assert "only &lt;b&gt;before&lt;/b&gt; conscription" in html
    assert "<script>alert" not in html


@pytest.mark.django_db
def test_death_penalty_reaches_the_glance(client, demo_content):
    # Belarus: the death penalty is for treason by soldiers (a refusal rule, not in the box)
    treason = demo_data.rule("BY", death_penalty=True)
    html = client.get("/en/knowledge/belarus/").content.decode()
    article = html.split(f'<article class="rule" id="{rule_in_db(treason, "belarus").anchor}">')[1]
    assert "death penalty possible" in article.split("</article>", 1)[0]
    # A desertion rule with the death penalty outranks a longer prison term in the box.
    page = replace_topic_rules(
        profile("belarus"),
        "desertion",
        [
            {"heading": "Long term (test)", "penalty_kind": "criminal", "prison_max_months": 300},
            {
                "heading": "Death penalty (test)",
                "penalty_kind": "criminal",
                "article": "Art. 1 (test)",
                "death_penalty": True,
            },
        ],
    )
    glance = glance_of(client.get(page.url).content.decode())
    desertion = glance.split("Highest penalty for desertion", 1)[1].split("</div>", 1)[0]
    assert ">death penalty</a>" in desertion and "Death penalty (test)" in desertion


@pytest.mark.django_db
def test_glance_follows_an_edited_and_republished_rule(client, demo_content):
    page = profile("russia")
    old, new = SERVICE["service_months"], SERVICE["service_months"] + 1
    before = glance_of(client.get("/en/knowledge/russia/").content.decode())
    assert f"{new} months" not in before
    edit_rule_and_publish(page, OBJECTION["heading"], availability="unavailable")
    edit_rule_and_publish(page, SERVICE["heading"], service_months=new)
    edit_rule_and_publish(page, DESERTION["heading"], prison_min_months=None, prison_max_months=600)
    after = glance_of(client.get("/en/knowledge/russia/").content.decode())
    assert f"{new} months" in after and f"{old} months" not in after
    assert "up to 50 years imprisonment" in after
    assert re.search(r"Can you object to military service\?</dt>\s*<dd><a [^>]*>no<", after)


@pytest.mark.django_db
def test_change_log_records_what_changed(client, demo_content):
    html = client.get("/en/knowledge/russia/").content.decode()
    log = html.split('id="changelog-heading"', 1)[1]
    # the demo publishes Russia's first rule as it stood before 2024 first
    first = demo_data.profile("RU")["rules"][0]
    assert escape(first["heading"]) in log and "changed: status, explanation" in log
    edit_rule_and_publish(
        profile("russia"),
        PRISON_TERM["heading"],
        prison_max_months=PRISON_TERM["prison_max_months"] + 12,
    )
    log = client.get("/en/knowledge/russia/").content.decode().split('id="changelog-heading"', 1)[1]
    assert escape(PRISON_TERM["heading"]) in log
    assert "changed: penalty" in log


@pytest.mark.django_db
def test_stale_review_warning_around_the_threshold(client, demo_content):
    page = profile("ukraine")
    today = timezone.localdate()
    warning = "has not been checked by a legal reviewer for more than 180 days"

    type(page).objects.filter(pk=page.pk).update(last_reviewed=today - timedelta(days=180))
    assert warning not in client.get("/en/knowledge/ukraine/").content.decode()

    type(page).objects.filter(pk=page.pk).update(last_reviewed=today - timedelta(days=181))
    assert warning in client.get("/en/knowledge/ukraine/").content.decode()

    # the threshold is a site setting editors can change
    settings = LegalReviewSettings.for_site(Site.objects.get(is_default_site=True))
    settings.review_interval_days = 365
    settings.save()
    assert "has not been checked" not in client.get("/en/knowledge/ukraine/").content.decode()


@pytest.mark.django_db
def test_profile_query_count_does_not_grow_with_rules_and_sources(client, demo_content):
    def render_queries():
        client.get("/en/knowledge/occupied-areas/")  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/knowledge/occupied-areas/").status_code == 200
        return len(queries)

    small = render_queries()
    page = profile("occupied-areas")
    rules = list(page.rules.all())
    source = {
        "title": "Extra source",
        "issuer": "Test",
        "url": "https://example.org/",
        "date": None,
    }
    for number in range(12):
        rules.append(
            LegalRule(
                topic="refusal",
                heading=f"Extra rule {number}",
                summary="x",
                sources=[("source", source)] * 3,
            )
        )
    page.rules = rules
    page.save_revision().publish()
    large = render_queries()
    assert "Extra rule 11" in client.get("/en/knowledge/occupied-areas/").content.decode()
    assert large <= small, f"{small} queries with 3 rules, {large} with 15"
    assert small <= 30


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "de", "ru", "uk", "be"])
def test_profile_renders_in_every_language(client, demo_content, language):
    response = client.get(f"/{language}/knowledge/russia/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.django_db
def test_rule_labels_are_in_the_readers_language_whichever_was_asked_first(client, demo_content):
    # Labels are translated once per language and kept (core.fields.choice_labels):
    # a Russian reader after an English one must still get Russian labels, and back.
    from django.utils import translation

    from core.fields import choice_labels
    from knowledge.models.rules import Topic

    english = client.get("/en/knowledge/russia/").content.decode()
    russian = client.get("/ru/knowledge/russia/").content.decode()
    with translation.override("ru"):
        desertion_ru = str(Topic.DESERTION.label)
        assert choice_labels(Topic)[Topic.DESERTION] == desertion_ru
    assert desertion_ru != "Desertion"
    assert desertion_ru in russian and desertion_ru not in english
    assert "Desertion" in english
    assert "Desertion" in client.get("/en/knowledge/russia/").content.decode()


@pytest.mark.django_db
def test_readers_see_that_a_rule_is_being_checked(client, demo_content):
    page = profile("russia")
    notice = 'class="notice notice--warning rule__review"'
    before = client.get("/en/knowledge/russia/").content.decode()
    # the demo marks the rules with a pending change (a bill, a court case) as under review
    pending = [r for r in demo_data.profile("RU")["rules"] if r.get("pending")]
    assert before.count(notice) == len(pending)
    # the rule the glance names as the highest penalty for desertion
    shown = glance_of(before).split("Highest penalty for desertion", 1)[1].split("</div>")[0]
    assert "being checked" not in shown
    key = re.search(r'href="#rule-([0-9a-f-]+)"', shown).group(1)
    rule = page.rules.get(translation_key=key)
    assert not rule.under_review

    def desertion_cell():
        compare = client.get("/en/knowledge/compare/").content.decode()
        row = compare.split(">Russia</a></th>", 1)[1].split("</tr>", 1)[0]
        return row.split('<td data-topic="Desertion">', 1)[1].split("</td>", 1)[0]

    desertion_cell_before = desertion_cell()
    edit_rule_and_publish(
        page,
        rule.heading,
        under_review=True,
        review_note="A court ruling of 1 December is being read.",
    )
    html = client.get("/en/knowledge/russia/").content.decode()
    article = html.split(f'<article class="rule" id="{rule.anchor}">', 1)[1].split("</article>")[0]
    assert (
        "We are checking this rule: it may no longer be accurate. "
        "A court ruling of 1 December is being read." in article
    )
    assert '<span class="badge badge--review">being checked</span>' in article
    # the other rules are not marked
    assert html.count(notice) == len(pending) + 1
    # the glance answer that comes from the rule says so too
    desertion = glance_of(html).split("Highest penalty for desertion", 1)[1].split("</div>")[0]
    assert "being checked" in desertion
    assert "being checked" not in desertion_cell_before
    assert "being checked" in desertion_cell()


@pytest.mark.django_db
def test_translations_show_the_check_in_the_readers_language(client, demo_content):
    from wagtail_localize.models import Translation

    page = edit_rule_and_publish(
        profile("russia"), PRISON_TERM["heading"], under_review=True, review_note=""
    )
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ru"
    )
    translation.source.update_from_db()
    translation.save_target(publish=True)
    html = client.get(profile("russia", "ru").url).content.decode()
    assert "Мы проверяем это правило: возможно, оно уже не соответствует действительности." in html
    assert '<span class="badge badge--review">проверяется</span>' in html


LANGUAGES = ["en", "de", "ru", "uk", "be"]
EVASION_328 = demo_data.rule("RU", topic="evasion", article="Art. 328")
LEAVING_18_22 = demo_data.rule("UA", topic="leaving", status_since=date(2025, 8, 28))
SUMMONS_GUIDE = demo_data.guide("ignored-electronic-summons")
SERVED_AT_ONCE = "A summons in your Gosuslugi account counts as served at once."


def rule_article(html, rule):
    return html.split(f'<article class="rule" id="{rule.anchor}">', 1)[1].split("</article>")[0]


def in_language(language, message, **values):
    """An interface text as readers of `language` see it."""
    with translation.override(language):
        return translation.gettext(message) % values if values else translation.gettext(message)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_glance_gives_criminal_evasion_under_art_328_as_the_highest_penalty(
    client, demo_content, language
):
    """Evading conscription is a crime (Art. 328, up to two years): the box says so, not
    the administrative fines for missing a summons, in every language."""
    assert EVASION_328["penalty_kind"] == "criminal"
    rule = rule_in_db(EVASION_328)
    html = client.get(f"/{language}/knowledge/russia/").content.decode()
    question = escape(in_language(language, "Highest penalty for draft evasion"))
    item = glance_of(html).split(f"<dt>{question}</dt>", 1)[1].split("</div>", 1)[0]
    with translation.override(language):
        high = duration(EVASION_328["prison_max_months"])
    answer = in_language(language, "up to %(high)s imprisonment", high=high)
    assert f'href="#{rule.anchor}">{escape(answer)}</a>' in item
    assert escape(demo_data.translation(language, EVASION_328["heading"])) in item
    assert escape(in_language(language, "administrative penalty")) not in item
    # the rule it links to names the article and a criminal penalty
    article = rule_article(html, rule)
    assert escape(demo_data.translation(language, EVASION_328["article"])) in article
    assert escape(in_language(language, "criminal penalty")) in article


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_ukraine_profile_says_men_aged_18_to_22_may_leave_since_28_august_2025(
    client, demo_content, language
):
    assert "18 to 22" in LEAVING_18_22["heading"] and LEAVING_18_22["availability"] == "limited"
    rule = rule_in_db(LEAVING_18_22, "ukraine")
    html = client.get(f"/{language}/knowledge/ukraine/").content.decode()
    article = rule_article(html, rule)
    assert escape(demo_data.translation(language, LEAVING_18_22["heading"])) in article
    assert escape(demo_data.translation(language, LEAVING_18_22["summary"].strip())) in article
    with translation.override(language):
        since = long_date(LEAVING_18_22["status_since"])
    status = in_language(language, "in force")
    assert (
        escape(in_language(language, "%(status)s since %(date)s", status=status, date=since))
        in article
    )
    introduction = demo_data.profile("UA")["introduction"].strip()
    assert "men aged 18 to 22 may leave since August 2025" in introduction
    assert escape(demo_data.translation(language, introduction)) in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_summons_guide_says_a_summons_in_the_gosuslugi_account_counts_as_served_at_once(
    client, demo_content, language
):
    summary = SUMMONS_GUIDE["summary"].strip()
    assert summary.startswith(SERVED_AT_ONCE)
    guide = GuidePage.objects.get(slug=SUMMONS_GUIDE["slug"], locale__language_code=language)
    html = client.get(guide.url).content.decode()
    lead = html.split('<p class="lead">', 1)[1].split("</p>", 1)[0]
    first_sentence = demo_data.translation(language, summary).split(". ", 1)[0]
    assert escape(first_sentence) in lead
    # and the Russia profile's rule on when a summons counts as served says the same
    rule = demo_data.rule("RU", topic="evasion", article="53-FZ Art. 31")
    assert "Gosuslugi account counts as served at once" in rule["summary"]
    profile_html = client.get(f"/{language}/knowledge/russia/").content.decode()
    shown = rule_article(profile_html, rule_in_db(rule))
    assert escape(demo_data.translation(language, rule["summary"].strip())) in shown
