"""The admin in the editor's language: forms, reports, the translation editor and the
notification e-mails (German, Ukrainian, Belarusian editors and reviewers)."""

import html
import json
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, Workflow
from wagtail.users.models import UserProfile

import pytest

from knowledge.models import CountryProfilePage, GuidePage
from knowledge.models.rules import AffectedGroup
from knowledge.review import REVIEWERS_GROUP, WORKFLOW_NAME

from .knowledge_helpers import profile
from .translation_helpers import editor_props, user_in_group


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def visible_text(response):
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(text).split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, expected",
    [
        ("de", ["Thema", "Status seit", "Jede Vorschrift braucht mindestens eine Quelle"]),
        ("uk", ["Тема", "Статус діє з", "Кожне правило потребує щонайменше одного джерела"]),
    ],
)
def test_the_rule_form_speaks_the_editors_language(admin_client, admin_user, language, expected):
    speaking(admin_user, language)
    page = profile("russia")
    text = visible_text(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    for english in ("Topic", "Status since", "Every rule needs at least one source"):
        assert english not in text
    for translated in expected:
        assert translated in text


@pytest.mark.django_db
def test_the_review_report_and_the_news_form_speak_german(admin_client, admin_user):
    speaking(admin_user, "de")
    report = visible_text(admin_client.get(reverse("knowledge_due_for_review")))
    assert "Rechtliche Inhalte mit fälliger Prüfung" in report
    assert "Was zu prüfen ist" in report and "What to check" not in report
    index = CountryProfilePage.objects.first().get_parent()
    news_index = index.get_siblings().get(slug="news")
    form = visible_text(
        admin_client.get(
            reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
        )
    )
    assert "Anreißer" in form and "Länder hinzufügen" in form
    assert "Teaser" not in form


@pytest.mark.django_db
def test_the_ukrainian_translation_editor_labels_its_fields_and_po_buttons_in_ukrainian(
    client, django_user_model, demo_content
):
    translator = speaking(
        user_in_group(django_user_model, "translator-uk", "Translators: Українська"), "uk"
    )
    english = GuidePage.objects.get(slug="germany-protection-deserters", locale__language_code="en")
    ukrainian = english.get_translation(Locale.objects.get(language_code="uk"))
    client.force_login(translator)
    props = editor_props(client.get(reverse("wagtailadmin_pages:edit", args=[ukrainian.pk])))
    fields = {segment["location"]["field"] for segment in props["segments"]}
    assert "Стислий виклад" in fields and "Summary" not in fields

    catalogue = client.get("/admin/localize/jsi18n/").content.decode()
    download = json.loads(re.search(r'"Download PO file": ("[^"]+")', catalogue).group(1))
    upload = json.loads(re.search(r'"Upload PO file": ("[^"]+")', catalogue).group(1))
    assert download != upload, "both buttons said the same"
    assert download.startswith("Отримати") and upload.startswith("Надіслати")


@pytest.mark.django_db
def test_the_reserve_is_named_per_the_language_review(client, demo_content):
    from django.utils import translation

    names = {}
    for language in ("en", "de", "ru", "uk", "be"):
        with translation.override(language):
            names[language] = str(AffectedGroup.RESERVISTS.label)
    assert names == {
        "en": "people in the reserve",
        "de": "Personen in der Reserve",
        "ru": "граждане в запасе",
        "uk": "військовозобов’язані",
        "be": "ваеннаабавязаныя",
    }
    assert AffectedGroup.RESERVISTS.value == "reservists"  # stored values are unchanged


@pytest.fixture
def reviewers(django_user_model, demo_content):
    group = Group.objects.get(name=REVIEWERS_GROUP)
    users = {}
    for language in ("de", "uk", "be"):
        user = django_user_model.objects.create_user(
            f"reviewer-{language}", email=f"reviewer-{language}@example.org", password="pw"
        )
        user.groups.add(group)
        users[language] = speaking(user, language)
    return users


@pytest.mark.django_db
def test_reviewers_are_told_in_their_language_and_so_is_the_editor(
    client, django_user_model, reviewers
):
    editor = speaking(
        django_user_model.objects.create_user("editor-de", email="editor@example.org"), "de"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    page = CountryProfilePage.objects.get(pk=profile("belarus").pk)
    page.introduction += " Changed."
    page.save_revision(user=editor)
    mail.outbox.clear()
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(page, editor)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "wurde zur Freigabe" in subjects["reviewer-de@example.org"]
    assert "передано на затвердження" in subjects["reviewer-uk@example.org"]
    assert "перададзена на зацвярджэнне" in subjects["reviewer-be@example.org"]
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "You can" not in bodies["reviewer-uk@example.org"]
    assert "You can" not in bodies["reviewer-be@example.org"]

    mail.outbox.clear()
    client.force_login(reviewers["uk"])
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Die Quelle fehlt."},
    )
    to_editor = [message for message in mail.outbox if message.to == ["editor@example.org"]]
    assert to_editor and "abgelehnt" in to_editor[0].subject
