"""The comparison matrix and the situation guide are built from the rules."""

from django.utils.html import escape

import pytest

from demo import data as demo_data
from knowledge.glance import harshest
from knowledge.models import Country
from knowledge.situations import SITUATIONS

from .conftest import LANGUAGE_CODES
from .knowledge_helpers import (
    edit_rule_and_publish,
    glance_of,
    profile,
    replace_topic_rules,
)

COUNTRY_CODES = ["RU", "BY", "UA", "UA-OCC"]
# Rules of the demo the tests below rely on (demo/data/knowledge).
UA_EVASION = demo_data.rule("UA", article="Art. 336")
RU_AWOL = demo_data.rule("RU", topic="desertion", article=lambda a: a.startswith("Art. 337 "))
RU_ALTERNATIVE_SERVICE = demo_data.rule("RU", topic="objection", service_months=bool)
RU_NO_PROCEDURE = demo_data.rule("RU", topic="objection", availability="unavailable")
RU_CONSCRIPTION = demo_data.rule("RU", topic="conscription")
RU_SUMMONS = demo_data.rule("RU", topic="evasion", article="53-FZ Art. 31")
SUMMONS_GUIDE = demo_data.guide("ignored-electronic-summons")


def matrix_row(html, country_name):
    row = html.split(f">{country_name}</a></th>", 1)[1]
    return row.split("</tr>", 1)[0]


@pytest.mark.django_db
def test_matrix_has_a_row_per_country_and_a_cell_per_topic(client, demo_content):
    html = client.get("/en/knowledge/compare/").content.decode()
    for fields in demo_data.profiles():
        row = matrix_row(html, escape(fields["title"]))
        assert row.count("<td ") == 8
    # Belarus: treason by soldiers (refusal to fight, surrender) can carry the death penalty
    refusal = matrix_cell(matrix_row(html, "Belarus"), "Refusal to fight, surrender")
    assert "death penalty possible" in refusal
    # each filled cell links to its rule on the profile: desertion to the harshest rule
    russia = profile("russia")
    rule = harshest(list(russia.rules.filter(topic="desertion")))
    assert f'/en/knowledge/russia/#{rule.anchor}"' in matrix_cell(
        matrix_row(html, "Russia"), "Desertion"
    )


@pytest.mark.django_db
def test_matrix_follows_rule_edits(client, demo_content):
    before = matrix_row(client.get("/en/knowledge/compare/").content.decode(), "Ukraine")
    assert "3–5 years imprisonment" in matrix_cell(before, "Draft evasion")
    edit_rule_and_publish(profile("ukraine"), UA_EVASION["heading"], prison_max_months=96)
    after = matrix_row(client.get("/en/knowledge/compare/").content.decode(), "Ukraine")
    assert "3–8 years imprisonment" in after and "3–5 years" not in after


@pytest.mark.django_db
def test_matrix_speaks_the_readers_language(client, demo_content):
    html = client.get("/ru/knowledge/compare/").content.decode()
    russia_ru = Country.objects.get(code="RU", locale__language_code="ru")
    assert f">{russia_ru.name}</a></th>" in html
    assert '<html lang="ru"' in html


@pytest.mark.django_db
def test_every_country_and_situation_gets_an_answer(client, demo_content):
    for language in LANGUAGE_CODES:
        for code in COUNTRY_CODES:
            for situation in SITUATIONS:
                response = client.get(
                    f"/{language}/knowledge/situation/",
                    {"country": code, "situation": situation.code},
                )
                assert response.status_code == 200, (language, code, situation.code)
                assert 'id="answer-heading"' in response.content.decode()


@pytest.mark.django_db
def test_situation_answer_comes_from_the_matching_rules(client, demo_content):
    html = client.get(
        "/en/knowledge/situation/", {"country": "RU", "situation": "mobilized"}
    ).content.decode()
    answer = html.split('id="answer-heading"', 1)[1]
    assert escape(RU_AWOL["heading"]) in answer  # desertion, mobilised
    assert escape(RU_NO_PROCEDURE["heading"]) in answer  # objection, mobilised
    assert escape(RU_ALTERNATIVE_SERVICE["heading"]) not in answer  # conscripts only
    assert "5–10 years imprisonment" in answer  # absence of more than a month (Art. 337)
    applying = answer.split("Rules that apply to you", 1)[1].split("</ul>", 1)[0]
    assert escape(RU_AWOL["heading"]) in applying
    assert escape(RU_CONSCRIPTION["heading"]) not in applying  # conscripts only
    assert "+49 69 8237 5534" in answer  # help contacts

    summons = client.get("/en/knowledge/situation/", {"country": "RU", "situation": "summons"})
    assert escape(RU_SUMMONS["heading"]) in summons.content.decode()
    assert escape(SUMMONS_GUIDE["title"]) in summons.content.decode()


@pytest.mark.django_db
def test_situation_answer_follows_rule_edits(client, demo_content):
    edit_rule_and_publish(
        profile("russia"),
        RU_ALTERNATIVE_SERVICE["heading"],
        heading="Alternative civilian service (new procedure)",
    )
    html = client.get(
        "/en/knowledge/situation/", {"country": "RU", "situation": "not_called"}
    ).content.decode()
    assert "Alternative civilian service (new procedure)" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"country": "XX", "situation": "mobilized"}, "Please choose a country from the list."),
        (
            {"country": "RU", "situation": "astronaut"},
            "Please choose the situation that fits you best.",
        ),
        ({"country": "<script>alert(1)</script>"}, "Please choose a country from the list."),
        ({"situation": ""}, "Please choose a country from the list."),
    ],
)
def test_invalid_situation_parameters_get_a_clear_message(client, demo_content, params, message):
    response = client.get("/en/knowledge/situation/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)" not in html
    assert 'name="country"' in html  # the form is there to try again


@pytest.mark.django_db
def test_situation_form_without_parameters_is_just_the_form(client, demo_content):
    response = client.get("/uk/knowledge/situation/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="situation"' in html and 'id="answer-heading"' not in html
    assert 'role="alert"' not in html


def matrix_cell(row, topic_label):
    return row.split(f'<td data-topic="{topic_label}">', 1)[1].split("</td>", 1)[0]


def evasion_answer(html):
    glance = glance_of(html)
    return glance.split("Highest penalty for draft evasion", 1)[1].split("</div>", 1)[0]


@pytest.mark.django_db
def test_a_criminal_penalty_outranks_an_administrative_one_in_glance_and_matrix(
    client, demo_content
):
    """A profile with an administrative rule on evasion and a criminal one (Art. 328): the
    criminal one is what the at-a-glance box and the comparison call the highest penalty."""
    page = replace_topic_rules(
        profile("russia"),
        "evasion",
        [
            {"heading": "Not reporting (test)", "penalty_kind": "administrative", "fine": "30,000"},
            {
                "heading": "Evasion of military service (test)",
                "legal_act": "Criminal Code of the Russian Federation",
                "article": "Art. 328",
                "penalty_kind": "criminal",
                "prison_max_months": 24,
            },
        ],
    )
    rule = page.rules.get(article="Art. 328")
    answer = evasion_answer(client.get(page.url).content.decode())
    assert f'#{rule.anchor}">up to 2 years imprisonment</a>' in answer
    assert "Evasion of military service (test)" in answer
    html = client.get("/en/knowledge/compare/").content.decode()
    cell = matrix_cell(matrix_row(html, "Russia"), "Draft evasion")
    assert f"#{rule.anchor}" in cell
    assert "criminal penalty: up to 2 years imprisonment" in cell
    assert "and 1 more rule" in cell


@pytest.mark.django_db
def test_a_criminal_fine_outranks_an_administrative_detention(client, demo_content):
    """Days of administrative detention are not a harsher penalty than a criminal
    conviction, even when the conviction the law sets is only a fine."""
    page = replace_topic_rules(
        profile("russia"),
        "evasion",
        [
            {
                "heading": "Detention (test)",
                "penalty_kind": "administrative",
                "prison_max_months": 1,
            },
            {
                "heading": "Criminal evasion (test)",
                "article": "Art. 328",
                "penalty_kind": "criminal",
                "fine": "up to 200,000 RUB",
            },
        ],
    )
    rule = page.rules.get(heading="Criminal evasion (test)")
    assert f'#{rule.anchor}">criminal penalty</a>' in evasion_answer(
        client.get(page.url).content.decode()
    )
    html = client.get("/en/knowledge/compare/").content.decode()
    cell = matrix_cell(matrix_row(html, "Russia"), "Draft evasion")
    assert "criminal penalty: up to 200,000 RUB" in cell


@pytest.mark.django_db
def test_a_penalty_in_force_outranks_a_proposed_one(client, demo_content):
    page = replace_topic_rules(
        profile("ukraine"),
        "evasion",
        [
            {
                "heading": "Evasion (test)",
                "article": "Art. 336",
                "penalty_kind": "criminal",
                "prison_min_months": 36,
                "prison_max_months": 60,
            },
            {
                "heading": "Harsher penalty (bill, test)",
                "status": "proposed",
                "article": "Art. 336",
                "penalty_kind": "criminal",
                "prison_min_months": 60,
                "prison_max_months": 120,
            },
        ],
    )
    assert "3–5 years imprisonment" in evasion_answer(client.get(page.url).content.decode())
