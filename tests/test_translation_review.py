"""A translator without the publish permission gets a synced translation reviewed and
published: the translation editor's "Submit for review" saves a revision (readers keep the
published version) and starts the page's workflow; a reviewer's approval publishes it."""

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from knowledge.review import REVIEWERS_GROUP
from translation.review import SUBMIT_FIELD

from .knowledge_helpers import profile
from .translation_helpers import (
    edit_url,
    editor_props,
    messages_of,
    translate_segment,
    user_in_group,
)

NEW_INTRODUCTION = "Новое введение, проверенное редактором."


@pytest.fixture
def translator(django_user_model, demo_content):
    return user_in_group(django_user_model, "translator-ru", "Translators: Русский")


@pytest.fixture
def reviewer(django_user_model, demo_content):
    return user_in_group(django_user_model, "reviewer", REVIEWERS_GROUP)


def reader_html(client, page):
    client.logout()
    return client.get(page.url).content.decode()


@pytest.mark.django_db
def test_translator_submits_translation_and_reviewer_publishes_it(client, translator, reviewer):
    page = profile("russia", "ru")
    live_revision = page.live_revision_id
    rule_headings = [rule.heading for rule in page.rules.all()]
    client.force_login(translator)

    # The translator works in the translation editor: no publish, but "Submit for review".
    response = client.get(edit_url(page))
    props = editor_props(response)
    assert props["perms"]["canPublish"] is False
    html = response.content.decode()
    assert f'name="{SUBMIT_FIELD}"' in html
    assert "Submit for review" in html

    response = translate_segment(client, props, "introduction", NEW_INTRODUCTION)
    assert response.status_code in (200, 201)

    response = client.post(edit_url(page), {SUBMIT_FIELD: "1"}, follow=True)
    assert "has been submitted for review." in " ".join(messages_of(response))
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_state.requested_by == translator
    assert NEW_INTRODUCTION in page.get_latest_revision().content["introduction"]
    # Readers still get the published translation.
    assert page.live_revision_id == live_revision
    assert NEW_INTRODUCTION not in reader_html(client, page)
    # The editor now says it is waiting, and a second submission is refused.
    client.force_login(translator)
    html = client.get(edit_url(page)).content.decode()
    assert "This translation is awaiting review" in html
    assert f'name="{SUBMIT_FIELD}"' not in html
    revisions = page.revisions.count()
    response = client.post(edit_url(page), {SUBMIT_FIELD: "1"}, follow=True)
    assert "This translation is already awaiting review." in messages_of(response)
    assert page.revisions.count() == revisions

    # The translator cannot approve their own work.
    task_state = page.current_workflow_state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve_url, {"comment": ""})
    page.refresh_from_db()
    assert page.live_revision_id == live_revision

    # The reviewer sees the approve button in the translation editor and approves.
    client.force_login(reviewer)
    html = client.get(edit_url(page)).content.decode()
    assert f'action="{approve_url}"' in html
    response = client.post(approve_url, {"comment": "", "next": edit_url(page)})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state is None
    assert page.live_revision_id != live_revision
    assert page.introduction and NEW_INTRODUCTION in page.introduction
    assert [rule.heading for rule in page.rules.all()] == rule_headings  # the rules came along
    assert NEW_INTRODUCTION in reader_html(client, page)


@pytest.mark.django_db
def test_changes_requested_then_translator_resubmits(client, translator, reviewer):
    page = profile("russia", "ru")
    client.force_login(translator)
    client.post(edit_url(page), {SUBMIT_FIELD: "1"})
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state

    client.force_login(reviewer)
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]
    )
    html = client.get(edit_url(page)).content.decode()
    assert f'action="{reject_url}"' in html  # "Request changes", with a comment box
    client.post(reject_url, {"comment": "Please translate the introduction."})
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(translator)
    props = editor_props(client.get(edit_url(page)))
    assert "The reviewer asked for changes." in client.get(edit_url(page)).content.decode()
    translate_segment(client, props, "introduction", NEW_INTRODUCTION)
    response = client.post(edit_url(page), {SUBMIT_FIELD: "1"}, follow=True)
    assert "has been submitted for review." in " ".join(messages_of(response))
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert NEW_INTRODUCTION in state.current_task_state.revision.content["introduction"]


@pytest.mark.django_db
def test_translator_cannot_submit_a_page_of_another_language(client, translator):
    page = profile("russia", "uk")
    revisions = page.revisions.count()
    client.force_login(translator)
    response = client.post(edit_url(page), {SUBMIT_FIELD: "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert not page.workflow_in_progress


@pytest.mark.django_db
def test_why_not_wagtail_localize_drafts(client, demo_content, django_capture_on_commit_callbacks):
    """wagtail-localize's own draft (save_target(publish=False)) writes into the live page,
    so readers would see an unreviewed translation: hence the revision-based submission."""
    from wagtail_localize.models import StringTranslation

    from .translation_helpers import translation_of

    page = profile("russia", "ru")
    translation = translation_of(page)
    segment = translation.source.stringsegment_set.get(context__path="introduction")
    StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=page.locale
    ).update(data=NEW_INTRODUCTION)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)
    assert NEW_INTRODUCTION in reader_html(client, page)
