"""Legal review: changes wait for a legal reviewer, approval sets the review date, and
the admin report lists what is due."""

import re
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Workflow

import pytest

from demo import data as demo_data
from knowledge.models import CountryProfilePage, LegalRule
from knowledge.reports import due_for_review
from knowledge.review import REVIEWERS_GROUP, WORKFLOW_NAME

from .knowledge_helpers import edit_rule_and_publish, profile


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="pw")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.mark.django_db
def test_legal_review_workflow_covers_profiles_in_every_language(demo_content):
    for language in ["en", "ru", "uk"]:
        page = profile("russia", language)
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME


@pytest.mark.django_db
def test_editor_change_waits_for_legal_reviewer_and_approval_sets_review_date(
    client, demo_content, editor, reviewer
):
    page = profile("russia")
    old_review = page.last_reviewed

    # The editor may edit but not publish: the admin offers "submit", not "publish".
    client.force_login(editor)
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-submit"' in edit_html
    assert 'name="action-publish"' not in edit_html

    # Submitting = saving a draft revision and starting the page's workflow.
    draft = CountryProfilePage.objects.get(pk=page.pk)
    draft.introduction = "A reviewed introduction."
    revision = draft.save_revision(user=editor)
    workflow_state = Workflow.objects.get(name=WORKFLOW_NAME).start(draft, editor)

    assert "A reviewed introduction." not in client.get("/en/knowledge/russia/").content.decode()
    assert CountryProfilePage.objects.get(pk=page.pk).last_reviewed == old_review

    # The reviewer approves in the admin.
    client.force_login(reviewer)
    task_state = workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": "Checked against the sources."},
    )
    assert response.status_code in (200, 302)

    published = CountryProfilePage.objects.get(pk=page.pk)
    assert published.live_revision_id == revision.pk
    assert published.introduction == "A reviewed introduction."
    assert published.last_reviewed == timezone.localdate()
    assert published.reviewed_by == reviewer
    assert all(rule.last_reviewed == timezone.localdate() for rule in published.rules.all())
    html = client.get("/en/knowledge/russia/").content.decode()
    assert "A reviewed introduction." in html
    assert timezone.localdate().strftime("%Y") in html.split("Last legally reviewed on", 1)[1][:40]


@pytest.mark.django_db
def test_due_for_review_lists_overdue_items_oldest_first(demo_content):
    # The demo was reviewed on one day; the occupied areas' review is made a month older.
    reviewed = max(fields["last_reviewed"] for fields in demo_data.profiles())
    today = reviewed + timedelta(days=170)
    occupied = CountryProfilePage.objects.filter(slug="occupied-areas")
    occupied.update(last_reviewed=reviewed - timedelta(days=30))
    LegalRule.objects.filter(profile__in=occupied).update(
        last_reviewed=reviewed - timedelta(days=30)
    )
    items = due_for_review(180, today=today)
    titles = [item.title for item in items]
    occupied_title = demo_data.profile("UA-OCC")["title"]
    assert occupied_title in titles
    # one row per profile and language: its rules are checked with it, not listed each
    assert titles.count(occupied_title) == 1
    first_rule = demo_data.profile("UA-OCC")["rules"][0]["heading"]
    assert not any(t.startswith(first_rule) for t in titles)
    # Russia is not overdue: it is listed only for its rules under review (the demo's pending)
    russia = [item for item in items if item.title == demo_data.profile("RU")["title"]]
    assert all(item.under_review for item in russia)
    # profiles with a rule under review come first, then the overdue ones, oldest first
    flags = [item.under_review for item in items]
    assert flags == sorted(flags, reverse=True)
    dates = [item.last_reviewed or date.min for item in items if not item.under_review]
    assert dates and dates == sorted(dates)
    # translations carry the source's review date, so they are due too
    assert {"en", "ru", "uk"} <= {item.language for item in items if item.kind == "Country profile"}


@pytest.mark.django_db
def test_due_for_review_report_in_the_admin(client, demo_content, django_user_model, reviewer):
    today = timezone.localdate()
    CountryProfilePage.objects.filter(slug="russia").update(last_reviewed=today)
    # nothing of Russia's under review either (the demo has pending rules)
    LegalRule.objects.filter(profile__slug="russia").update(last_reviewed=today, under_review=False)
    CountryProfilePage.objects.filter(slug="belarus").update(
        last_reviewed=today - timedelta(days=400)
    )
    client.force_login(reviewer)
    response = client.get(reverse("knowledge_due_for_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Legal content due for review" in html
    titles = [t.strip() for t in re.findall(r'<a href="/admin/pages/\d+/edit/">([^<]+)</a>', html)]
    assert "Belarus" in titles
    assert "Russia" not in titles


@pytest.mark.django_db
def test_editors_can_preview_a_changed_profile_before_it_is_reviewed(demo_content):
    draft = profile("russia")
    draft.introduction = "Draft introduction, not yet reviewed."
    response = draft.make_preview_request()
    assert response.status_code == 200
    html = response.render().content.decode() if hasattr(response, "render") else ""
    html = html or response.content.decode()
    assert "Draft introduction, not yet reviewed." in html
    assert "At a glance" in html


RULE = demo_data.rule("RU", topic="refusal")


@pytest.mark.django_db
def test_rules_under_review_head_the_report_whatever_their_review_date(
    client, demo_content, reviewer
):
    today = timezone.localdate()
    page = profile("russia")
    CountryProfilePage.objects.filter(pk=page.pk).update(last_reviewed=today)
    page = edit_rule_and_publish(
        page,
        RULE["heading"],
        under_review=True,
        review_note="A new amendment is being read.",
    )
    page.rules.all().update(last_reviewed=today)  # reviewed today, yet under review

    items = due_for_review(180, today=today)
    # the profiles with a rule under review (the demo has some too) head the report
    head = [item for item in items if item.under_review]
    assert items[: len(head)] == head
    ours = [item for item in head if (item.title, item.language) == (page.title, "en")]
    assert len(ours) == 1
    to_check = [(r.heading, r.reason) for r in ours[0].rules]
    assert (RULE["heading"], "Under review: A new amendment is being read.") in to_check
    # Russia's other rules were reviewed today: only those under review are listed, in
    # one row for Russia in English
    assert all(reason.startswith("Under review") for _, reason in to_check)
    assert [(i.title, i.language) for i in items].count((page.title, "en")) == 1

    client.force_login(reviewer)
    html = client.get(reverse("knowledge_due_for_review")).content.decode()
    assert RULE["heading"] in html
    assert "Under review: A new amendment is being read." in html
