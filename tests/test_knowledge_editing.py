"""Editors cannot submit what the help texts rule out: every rule and guide has a source
(with an address or a reason there is none), penalties only with a penalty kind, prison
terms in order, rights fields only for the topics they belong to. The reason is shown next
to the field, in the editor's admin language. Tested through the page editor itself."""

from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from demo import data as demo_data
from knowledge.models import CountryProfilePage, GuidePage

from .knowledge_helpers import block_errors, edit_form_data, field_errors, profile


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("law-editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def submit(client, page, data, action="action-submit"):
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


CHECKED = date(2026, 12, 1)


def rule_index(prefixes, heading):
    return int(prefixes[heading].split("-")[1])


def unpunished(value):
    return value in (None, "none")


# Rules of the Russian demo profile, chosen by what the case needs (demo/data).
PRISON_TERM = demo_data.rule("RU", penalty_kind="criminal", prison_max_months=bool)
NO_PENALTY = demo_data.rule("RU", penalty_kind=unpunished, fine=lambda v: not v)
CRIMINAL = demo_data.rule("RU", penalty_kind="criminal", article=bool)
NO_RIGHTS_TOPIC = demo_data.rule("RU", topic="evasion")
REFUSAL = demo_data.rule("RU", topic="refusal")
DESERTION = demo_data.rule("RU", topic="desertion")
PENALTY_KIND_FIRST = (
    "Choose the kind of penalty (administrative or criminal) first, or leave this empty."
)
RIGHTS_ONLY = "Only for objection, leaving the country and asylum: leave this empty for this topic."

# (rule, changes to its form fields, field that must show the error, message)
RULE_CASES = [
    (
        PRISON_TERM["heading"],
        {"prison_min_months": str(PRISON_TERM["prison_max_months"] + 1)},
        "prison_min_months",
        "The shortest prison term cannot be longer than the longest one.",
    ),
    (NO_PENALTY["heading"], {"fine": "up to 5,000 RUB"}, "fine", PENALTY_KIND_FIRST),
    (NO_PENALTY["heading"], {"prison_max_months": "24"}, "prison_max_months", PENALTY_KIND_FIRST),
    (
        CRIMINAL["heading"],
        {"death_penalty": "on", "article": ""},
        "article",
        "Name the article that allows the death penalty.",
    ),
    (NO_RIGHTS_TOPIC["heading"], {"availability": "limited"}, "availability", RIGHTS_ONLY),
    (
        REFUSAL["heading"],
        {"available_until": "only before the first battle"},
        "available_until",
        RIGHTS_ONLY,
    ),
    (
        DESERTION["heading"],
        {"service_months": "12"},
        "service_months",
        "Only for conscription and alternative service: leave this empty for this topic.",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("heading", "changes", "field", "message"), RULE_CASES)
def test_the_editor_refuses_an_inconsistent_rule_and_says_why_next_to_the_field(
    client, demo_content, editor, heading, changes, field, message
):
    page = profile("russia")
    revision = page.latest_revision_id
    client.force_login(editor)
    data, prefixes = edit_form_data(client, page)
    index = rule_index(prefixes, heading)
    for name, value in changes.items():
        data[f"rules-{index}-{name}"] = value
    response = submit(client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert field_errors(html, field, rule_index=index) == [message]
    assert CountryProfilePage.objects.get(pk=page.pk).latest_revision_id == revision


@pytest.mark.django_db
def test_a_checked_profile_can_be_submitted_for_review(client, demo_content, editor):
    """The form data the tests above change is complete: once the editor has entered when
    the sources were checked, it is accepted."""
    page = profile("russia")
    client.force_login(editor)
    data, _prefixes = edit_form_data(client, page, checked=CHECKED)
    data["introduction"] = "Checked introduction."
    response = submit(client, page, data)
    assert response.status_code == 302, field_errors(response.content.decode(), "[a-z_]+")
    page = CountryProfilePage.objects.get(pk=page.pk)
    assert page.get_latest_revision_as_object().introduction == "Checked introduction."
    assert page.workflow_in_progress


@pytest.mark.django_db
def test_a_rule_without_sources_is_refused_on_submit_but_may_be_saved_as_draft(
    client, demo_content, editor
):
    page = profile("russia")
    client.force_login(editor)
    data, prefixes = edit_form_data(client, page)
    index = rule_index(prefixes, NO_PENALTY["heading"])
    data[f"rules-{index}-sources-count"] = "0"

    response = submit(client, page, data.copy())
    assert response.status_code == 200
    errors = block_errors(response.content.decode(), f"rules-{index}-sources")
    assert errors["messages"] == ["Add at least one source: readers must be able to check this."]

    # Wagtail 8 lets a draft miss what is required; submitting or publishing may not.
    draft = data.copy()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), draft)
    assert response.status_code == 302
    saved = CountryProfilePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert not next(r for r in saved.rules.all() if r.heading == NO_PENALTY["heading"]).sources


@pytest.mark.django_db
def test_a_source_needs_an_address_or_a_reason_why_there_is_none(client, demo_content, editor):
    page = profile("russia")
    client.force_login(editor)
    data, prefixes = edit_form_data(client, page, checked=CHECKED)
    index = rule_index(prefixes, PRISON_TERM["heading"])
    data[f"rules-{index}-sources-0-value-url"] = ""
    data[f"rules-{index}-sources-0-value-no_online_copy"] = ""
    response = submit(client, page, data.copy())
    assert response.status_code == 200
    errors = block_errors(response.content.decode(), f"rules-{index}-sources")
    url_error = errors["blockErrors"]["0"]["blockErrors"]["url"]["messages"]
    assert url_error == [
        "Give the address where readers can check this source, or say below why there is no "
        "online copy."
    ]

    # With an address it is accepted, and readers get the link once it is published.
    data[f"rules-{index}-sources-0-value-url"] = "https://example.org/criminal-code/352.1"
    assert submit(client, page, data).status_code == 302


@pytest.mark.django_db
def test_a_source_needs_its_kind_and_the_date_it_was_checked(client, demo_content, editor):
    page = profile("russia")
    client.force_login(editor)
    data, prefixes = edit_form_data(client, page)
    index = rule_index(prefixes, PRISON_TERM["heading"])
    data[f"rules-{index}-sources-0-value-kind"] = ""
    data[f"rules-{index}-sources-0-value-checked"] = ""
    response = submit(client, page, data)
    errors = block_errors(response.content.decode(), f"rules-{index}-sources")
    source_errors = errors["blockErrors"]["0"]["blockErrors"]
    assert source_errors["kind"]["messages"] == ["This field is required."]
    assert source_errors["checked"]["messages"] == ["This field is required."]


@pytest.mark.django_db
def test_a_review_note_needs_the_under_review_flag(client, demo_content, editor):
    page = profile("russia")
    client.force_login(editor)
    data, prefixes = edit_form_data(client, page, checked=CHECKED)
    index = rule_index(prefixes, NO_PENALTY["heading"])
    data[f"rules-{index}-review_note"] = "A new decree is being read."
    response = submit(client, page, data.copy())
    assert field_errors(response.content.decode(), "review_note", rule_index=index) == [
        "Readers see the note only while the rule is under review: tick that box too, or "
        "leave the note empty."
    ]
    data[f"rules-{index}-under_review"] = "on"
    assert submit(client, page, data).status_code == 302


@pytest.mark.django_db
def test_editors_read_the_reason_in_their_admin_language(client, demo_content, editor):
    profile_settings = UserProfile.get_for_user(editor)
    profile_settings.preferred_language = "de"
    profile_settings.save()
    page = profile("russia")
    client.force_login(editor)
    data, prefixes = edit_form_data(client, page)
    index = rule_index(prefixes, DESERTION["heading"])
    data[f"rules-{index}-service_months"] = "12"
    data[f"rules-{index}-sources-count"] = "0"
    html = submit(client, page, data).content.decode()
    assert field_errors(html, "service_months", rule_index=index) == [
        "Nur für Wehrpflicht und Alternativdienst: Lassen Sie dieses Feld bei diesem Thema leer."
    ]
    assert block_errors(html, f"rules-{index}-sources")["messages"] == [
        "Geben Sie mindestens eine Quelle an: Leserinnen und Leser müssen dies überprüfen können."
    ]


@pytest.mark.django_db
def test_a_guide_without_sources_is_refused(client, demo_content, django_user_model):
    admin = django_user_model.objects.create_superuser("chief-editor", password="pw")
    guide = GuidePage.objects.get(slug=demo_data.guides()[-1]["slug"], locale__language_code="en")
    client.force_login(admin)
    data, _prefixes = edit_form_data(client, guide, checked=CHECKED)
    data["sources-count"] = "0"
    # Submitted to the legal review (nobody publishes a guide outside it, knowledge/review.py).
    response = submit(client, guide, data.copy())
    assert response.status_code == 200
    assert block_errors(response.content.decode(), "sources")["messages"] == [
        "Add at least one source: readers must be able to check this."
    ]
    data["sources-count"] = "1"
    assert submit(client, guide, data).status_code == 302


@pytest.mark.django_db
def test_every_demo_rule_passes_the_rules_validation_in_every_language(demo_content):
    """The demo's rules, as loaded in every language, are what the editor accepts: the
    model's checks (LegalRule.clean via full_clean) and the sources' (at least one, each
    with an address or a reason and a check date)."""
    from django.core.exceptions import ValidationError

    from knowledge.models import LegalRule

    rules = LegalRule.objects.select_related("locale", "profile")
    sources_block = LegalRule._meta.get_field("sources").stream_block
    assert {rule.locale.language_code for rule in rules} == {"en", "de", "ru", "uk", "be"}
    assert rules.filter(locale__language_code="ru").count() == sum(
        len(fields["rules"]) for fields in demo_data.profiles()
    )
    refused = []
    for rule in rules:
        try:
            rule.full_clean()
            sources_block.clean(rule.sources)
        except ValidationError as error:
            refused.append((rule.locale.language_code, rule.heading, error))
    assert not refused
