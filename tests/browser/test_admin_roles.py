"""Each role at work in the admin, in Chromium, as docs/editors.md describes it (and with its
screenshots): an editor, a legal reviewer, a Ukrainian translator, a translation lead, a
signature moderator. What they create is committed (see conftest.py); each run uses fresh
names."""

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import expect

from .conftest import django_orm
from .test_editorial import PASSWORD, log_in, publish

pytestmark = pytest.mark.browser


def user_in(django_db_blocker, username, *groups, superuser=False, language=""):
    with django_db_blocker.unblock(), django_orm():
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from wagtail.users.models import UserProfile

        user, _created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        user.set_password(PASSWORD)
        user.save()
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user.username


@pytest.fixture(scope="session")
def editor(_demo_site, django_db_blocker):
    return user_in(django_db_blocker, "browser-role-editor", "Editors")


@pytest.fixture(scope="session")
def chief(_demo_site, django_db_blocker):
    """A superuser: may publish news (not rules and guides: nobody may, outside the review)."""
    return user_in(django_db_blocker, "browser-role-chief", superuser=True)


@pytest.fixture(scope="session")
def reviewer(_demo_site, django_db_blocker):
    from knowledge.review import REVIEWERS_GROUP

    return user_in(django_db_blocker, "browser-role-reviewer", REVIEWERS_GROUP)


def profile_of(code, language="en"):
    from knowledge.models import CountryProfilePage

    with django_orm():
        return CountryProfilePage.objects.get(country__code=code, locale__language_code=language)


def footer_action(page, name):
    """The footer's action `name`: the first action is shown, the others are in the "More
    actions" dropdown (for editors of rules and guides "Save draft" comes first)."""
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=name).first
    if not button.is_visible():
        footer.get_by_role("button", name="More actions").click()
    return button


def footer_actions(page):
    """The labels of the editor's footer actions (the first and those in its dropdown)."""
    page.locator("footer .w-dropdown__toggle").first.click()
    labels = page.locator("footer").get_by_role("button").all_inner_texts()
    page.keyboard.press("Escape")
    return [" ".join(label.split()) for label in labels]


def test_editor_finds_a_profile_previews_it_and_submits_it(page, site, editor, shot):
    belarus = profile_of("BY")
    with django_orm():
        first_rule = belarus.rules.order_by("sort_order", "pk").first().heading
        knowledge = belarus.get_parent()
        home = knowledge.get_parent()
    log_in(page, site, editor)

    # The explorer: a section's title opens its pages.
    page.goto(f"{site}/admin/pages/{home.pk}/")
    page.get_by_role("link", name=re.compile(r"^\s*Knowledge base\s*$")).click()
    expect(page).to_have_url(f"{site}/admin/pages/{knowledge.pk}/")
    page.get_by_role("link", name=re.compile(r"^\s*Belarus\s*$")).click()
    expect(page).to_have_url(f"{site}/admin/pages/{belarus.pk}/edit/")

    # Rule panels are titled by their heading, not "Rule 1".
    expect(page.locator("#inline_child_rules-0-panel-heading")).to_contain_text(first_rule)
    assert "Publish" not in footer_actions(page)
    shot(page, "profile-form", doc="editor-profile-rules")

    # The preview panel shows the page (its response may be framed by the admin).
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    # (the preview renders the whole page: slow on a loaded machine)
    expect(preview.get_by_role("heading", level=1)).to_have_text(belarus.title, timeout=30_000)
    shot(page, "preview", doc="editor-preview")

    page.locator("#id_introduction").fill(belarus.introduction + " Checked again.")
    footer_action(page, "Submit to Legal review").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("submitted", re.I))


def test_editor_chooses_the_countries_of_a_news_item(page, site, chief, shot):
    from news.models import NewsIndexPage, NewsPage

    with django_orm():
        index = NewsIndexPage.objects.get(locale__language_code="en")
    title = f"Belarus closes its consulates to passport requests {uuid.uuid4().hex[:6]}"
    log_in(page, site, chief)
    page.goto(f"{site}/admin/pages/add/news/newspage/{index.pk}/")
    expect(page.locator("#id_date")).to_have_value(date.today().isoformat())
    page.locator("#id_title").fill(title)
    page.locator("#id_teaser").fill(f"{title}: what people abroad can do.")
    page.get_by_role("button", name="Add countries").click()
    modal = page.locator(".modal")
    modal.get_by_label("Search term").fill("bela")
    expect(modal.locator("tbody tr")).to_have_count(1)
    modal.locator("tbody input[type=checkbox]").check()
    shot(page, "chooser", doc="editor-news-countries")
    modal.get_by_role("button", name="Confirm selection").click()
    chosen = page.locator("[data-multiple-chooser-list]")
    expect(chosen).to_contain_text("Belarus")
    publish(page)
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))

    with django_orm():
        news = NewsPage.objects.get(title=title)
        assert [c.code for c in news.countries.all()] == ["BY"]
    page.goto(f"{site}/en/knowledge/belarus/")
    expect(page.locator(".related-news")).to_contain_text(title)


def test_reviewer_finds_the_task_and_approves_it(page, site, reviewer, shot):
    from django.contrib.auth import get_user_model

    from wagtail.models import Workflow

    from knowledge.models import CountryProfilePage
    from knowledge.review import WORKFLOW_NAME

    ukraine = profile_of("UA")
    with django_orm():
        ukraine_url = ukraine.url
    log_in(page, site, reviewer)
    page.goto(f"{site}/admin/pages/{ukraine.pk}/edit/")
    assert "Publish" not in footer_actions(page), "reviewers published outside the review"

    with django_orm():
        draft = CountryProfilePage.objects.get(pk=ukraine.pk)
        draft.introduction += " Reviewed in the browser test."
        submitter = get_user_model().objects.get(username=reviewer)
        draft.save_revision(user=submitter)
        Workflow.objects.get(name=WORKFLOW_NAME).start(draft, submitter)

    page.goto(f"{site}/admin/reports/legal-review-due/?country=UA")
    report = page.locator("table.listing")
    expect(report).to_contain_text("Waiting in the legal review")
    shot(page, "report", doc="reviewer-report")

    page.goto(f"{site}/admin/pages/{ukraine.pk}/edit/")
    approve = footer_action(page, re.compile("^Approve and publish", re.I))
    expect(approve).to_be_visible()
    shot(page, "review", doc="reviewer-approve")
    approve.click()
    dialog = page.get_by_role("dialog")
    if dialog.count():
        dialog.get_by_role("button", name=re.compile("Approve")).click()
    # Wagtail says "Page 'Ukraine' has been updated." after the approval that publishes it
    expect(page.locator(".messages")).to_contain_text(ukraine.title, timeout=30_000)

    with django_orm():
        published = CountryProfilePage.objects.get(pk=ukraine.pk)
        assert published.last_reviewed == date.today()
        assert published.reviewed_revision_id == published.live_revision_id
    page.goto(f"{site}{ukraine_url}")
    expect(page.locator("main")).to_contain_text("Reviewed in the browser test.")
    expect(page.locator(".review-changed")).to_have_count(0)


@pytest.fixture(scope="session")
def ukrainian_translator(_demo_site, django_db_blocker):
    return user_in(
        django_db_blocker, "browser-role-translator-uk", "Translators: Українська", language="uk"
    )


def test_ukrainian_translator_sees_the_work_and_tells_the_po_buttons_apart(
    page, site, ukrainian_translator, shot
):
    from knowledge.models import GuidePage

    with django_orm():
        english = GuidePage.objects.get(
            slug="germany-protection-deserters", locale__language_code="en"
        )
        ukrainian = english.get_translations().get(locale__language_code="uk")
    log_in(page, site, ukrainian_translator)
    shot(page, "dashboard", doc="translator-dashboard")

    page.goto(f"{site}/admin/pages/{ukrainian.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor.get_by_role("link", name="Отримати PO-файл")).to_be_visible()
    expect(editor.get_by_role("button", name="Надіслати PO-файл")).to_be_visible()
    # Field names in Ukrainian: the guide's summary was "Summary".
    expect(editor).to_contain_text("Стислий виклад")
    shot(page, "editor", doc="translator-editor")


@pytest.fixture(scope="session")
def lead(_demo_site, django_db_blocker):
    return user_in(django_db_blocker, "browser-role-lead", "Translation leads")


def test_lead_follows_the_translations_and_cannot_publish_legal_ones_by_sync(
    page, site, lead, shot
):
    from wagtail_localize.models import TranslationSource

    from knowledge.models import GuidePage

    log_in(page, site, lead)
    page.goto(f"{site}/admin/reports/translation-status/?language=uk")
    expect(page.locator("table.listing").first).to_be_visible()
    shot(page, "status", doc="lead-translation-status")

    with django_orm():
        guide = GuidePage.objects.filter(locale__language_code="en").first()
        source = TranslationSource.objects.get(object_id=guide.translation_key, locale=guide.locale)
    page.goto(f"{site}/admin/localize/update/{source.pk}/")
    expect(page.get_by_text("published by the legal review")).to_be_visible()
    expect(page.get_by_label("Publish immediately")).to_have_count(0)


@pytest.fixture(scope="session")
def moderator(_demo_site, django_db_blocker):
    return user_in(django_db_blocker, "browser-role-moderator", "Signature moderators")


def test_moderator_approves_pending_signatures_in_bulk(page, site, moderator, shot):
    from campaign.models import AppealPage, Signatory

    suffix = uuid.uuid4().hex[:6]
    names = [f"Objectors' Aid {suffix}", f"Exile Counselling {suffix}"]
    with django_orm():
        appeal = AppealPage.objects.get(slug="appeal-bundestag", locale__language_code="en")
        for number, name in enumerate(names):
            Signatory.objects.create(
                appeal=appeal,
                name=name,
                country="SE" if number else "GB",
                website=f"https://aid-{suffix}-{number}.example.org",
                contact_email=f"contact-{number}@example.org",
            )
    log_in(page, site, moderator)
    page.goto(f"{site}/admin/snippets/campaign/signatory/?q={suffix}")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    for row in rows.all():
        row.locator("input[type=checkbox]").check()
    shot(page, "list", doc="moderator-signatures")
    # Wagtail's bulk actions bar: its actions are links to the confirmation page.
    page.locator("[data-bulk-action-footer] [data-bulk-action-button]").filter(
        has_text=re.compile(r"^\s*Approve\s*$")
    ).click()
    page.get_by_role("button", name=re.compile("Yes|Approve")).last.click()
    expect(page.locator(".messages")).to_contain_text(re.compile("2"))
    with django_orm():
        assert set(Signatory.objects.filter(name__in=names).values_list("status", flat=True)) == {
            Signatory.Status.APPROVED
        }
