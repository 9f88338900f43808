"""Rules and guides are published only by the legal review: nobody has the plain "Publish"
through any admin view, bulk action or API action; what is still published outside it
(a script, an emergency) tells readers so and heads the review report (knowledge/review.py)."""

import json

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale, Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import TranslationSource

import pytest

from knowledge.models import CountryProfilePage, GuidePage, KnowledgeIndexPage
from knowledge.reports import due_for_review
from knowledge.review import REVIEWERS_GROUP, WORKFLOW_NAME

from .knowledge_helpers import edit_form_data, profile
from .translation_helpers import editor_props, messages_of

CHANGED = "Changed since the last legal review"


@pytest.fixture
def superuser(django_user_model, demo_content):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def reviewer(django_user_model, demo_content):
    """A legal reviewer: holds the publish permission on the knowledge base."""
    user = django_user_model.objects.create_user("reviewer", password="pw")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.fixture
def moderator(django_user_model, demo_content):
    """Wagtail's "Moderators": may publish every page."""
    user = django_user_model.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["superuser", "reviewer", "moderator"])
def test_nobody_is_offered_plain_publish_of_a_rule_or_guide(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for page in (profile("russia"), GuidePage.objects.filter(locale__language_code="en").first()):
        html = client.get(edit_url(page)).content.decode()
        assert 'name="action-submit"' in html, "Submit to Legal review stays"
        assert 'name="action-publish"' not in html
    if who != "reviewer":  # who may publish other pages still can
        news = Page.objects.get(slug="news", locale__language_code="en")
        assert 'name="action-publish"' in client.get(edit_url(news)).content.decode()


@pytest.mark.django_db
def test_publishing_through_the_editor_saves_a_draft_only(client, superuser):
    page = profile("russia")
    before = (page.live_revision_id, page.last_reviewed, page.introduction)
    client.force_login(superuser)
    data, _prefixes = edit_form_data(client, page)
    data["introduction"] = "Published without review."
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302

    page = CountryProfilePage.objects.get(pk=page.pk)
    assert (page.live_revision_id, page.last_reviewed, page.introduction) == before
    assert page.get_latest_revision().as_object().introduction == "Published without review."
    assert "Published without review." not in client.get("/en/knowledge/russia/").content.decode()


@pytest.mark.django_db
def test_a_new_guide_cannot_be_published_at_once(client, superuser):
    index = KnowledgeIndexPage.objects.get(locale__language_code="en")
    client.force_login(superuser)
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "guidepage", index.pk])
    assert 'name="action-publish"' not in client.get(add_url).content.decode()

    source = {
        "kind": "law",
        "title": "A law",
        "issuer": "",
        "url": "https://example.org/law",
        "no_online_copy": "",
        "date": "",
        "checked": "2026-11-30",
    }
    data = nested_form_data(
        {
            "title": "An unreviewed guide",
            "slug": "an-unreviewed-guide",
            "summary": "A short answer.",
            "body": streamfield([]),
            "sources": streamfield([("source", source)]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "action-publish"
    response = client.post(add_url, data, follow=True)
    guide = GuidePage.objects.get(slug="an-unreviewed-guide")
    assert not guide.live
    assert any("published by the legal review" in m for m in messages_of(response))


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["superuser", "reviewer"])
def test_bulk_publish_and_the_admin_api_leave_legal_content_unpublished(client, request, who):
    page = profile("belarus")
    draft = CountryProfilePage.objects.get(pk=page.pk)
    draft.introduction = "A draft nobody reviewed."
    draft.save_revision()
    client.force_login(request.getfixturevalue(who))

    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{bulk}?id={page.pk}", {"include_descendants": ""})
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/", json.dumps({}), "application/json"
    )
    assert response.status_code == 403, response.content

    page = CountryProfilePage.objects.get(pk=page.pk)
    assert page.introduction != "A draft nobody reviewed."
    assert not page.changed_since_review


@pytest.mark.django_db
def test_translations_of_legal_content_are_not_published_by_sync_or_editor(client, superuser):
    english = GuidePage.objects.get(slug="germany-protection-deserters", locale__language_code="en")
    ukrainian = english.get_translation(Locale.objects.get(language_code="uk"))
    client.force_login(superuser)
    # The translation editor offers "Submit for review", not "Publish in Українська".
    assert editor_props(client.get(edit_url(ukrainian)))["perms"]["canPublish"] is False

    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    update = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.get(update)
    assert 'name="publish_translations"' not in response.content.decode()
    assert any("published by the legal review" in m for m in messages_of(response))
    live = Page.objects.get(pk=ukrainian.pk).live_revision_id
    client.post(update, {"publish_translations": "on"})
    assert Page.objects.get(pk=ukrainian.pk).live_revision_id == live


@pytest.mark.django_db
def test_approval_publishes_and_records_what_was_reviewed(client, demo_content, reviewer):
    page = profile("russia")
    draft = CountryProfilePage.objects.get(pk=page.pk)
    draft.introduction = "A reviewed introduction."
    revision = draft.save_revision(user=reviewer)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(draft, reviewer)
    client.force_login(reviewer)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    page = CountryProfilePage.objects.get(pk=page.pk)
    assert page.live_revision_id == revision.pk == page.reviewed_revision_id
    assert not page.changed_since_review
    assert CHANGED not in client.get("/en/knowledge/russia/").content.decode()


@pytest.mark.django_db
def test_a_publication_outside_the_review_is_shown_to_readers_and_reviewers(
    client, demo_content, reviewer
):
    page = profile("russia")
    assert not page.changed_since_review
    assert CHANGED not in client.get("/en/knowledge/russia/").content.decode()

    # An emergency fix published by a script (or a superuser in the shell).
    draft = CountryProfilePage.objects.get(pk=page.pk)
    draft.introduction = "An urgent correction."
    draft.save_revision().publish()

    html = client.get("/en/knowledge/russia/").content.decode()
    assert "An urgent correction." in html
    assert CHANGED in html
    assert "Last legally reviewed on" in html  # the date stays, and is not the change's

    tasks = due_for_review(180)
    assert (tasks[0].title, tasks[0].language) == ("Russia", "en")
    assert CHANGED in tasks[0].reasons
    client.force_login(reviewer)
    report = client.get(reverse("knowledge_due_for_review")).content.decode()
    assert CHANGED in report

    # The review catches up: submitted and approved, the notice goes.
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(
        CountryProfilePage.objects.get(pk=page.pk), reviewer
    )
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert CHANGED not in client.get("/en/knowledge/russia/").content.decode()
    assert not any(CHANGED in task.reasons for task in due_for_review(180))
