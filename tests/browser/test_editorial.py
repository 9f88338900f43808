"""Editors, translators and signatories at work: the admin and the signature form in Chromium.

What these tests create is committed (see conftest.py); each run uses fresh titles.
"""

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import expect

from .conftest import django_orm

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-password"  # noqa: S105


@pytest.fixture(scope="session")
def editor_login(_demo_site, django_db_blocker):
    """A superuser for the admin flows (the demo gives no login)."""
    with django_db_blocker.unblock(), django_orm():
        from django.contrib.auth import get_user_model

        user, _created = get_user_model().objects.get_or_create(
            username="browser-editor",
            defaults={"is_superuser": True, "is_staff": True, "email": "editor@example.org"},
        )
        user.set_password(PASSWORD)
        user.save()
    return user.username


def log_in(page, site, username):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{site}/admin/")


def page_id(model, **lookup):
    with django_orm():
        return model.objects.get(**lookup).pk


def publish(page):
    """Wagtail's footer: Publish sits in the dropdown next to the first action."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publish").click()


@pytest.fixture
def news_title():
    return f"Mobilisation summons by e-mail reach exiles {uuid.uuid4().hex[:6]}"


def create_news_about_russia(page, site, title, shot):
    from news.models import NewsIndexPage

    index_id = page_id(NewsIndexPage, locale__language_code="en")
    page.goto(f"{site}/admin/pages/add/news/newspage/{index_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_date").fill(date.today().isoformat())
    page.locator("#id_teaser").fill(f"{title}: what the new register means for people abroad.")
    shot(page, "news-editor-before")
    # Countries: a searchable chooser of the English countries (knowledge/choosers.py).
    page.get_by_role("button", name="Add countries").click()
    modal = page.locator(".modal")
    modal.get_by_label("Search term").fill("Russia")
    # The results replace the full list a moment later (and with it any ticked box): wait
    # for the filtered list before ticking.
    expect(modal.locator("tbody tr").filter(has_not_text="Russia")).to_have_count(0)
    russia = modal.locator("tbody tr").filter(
        has=page.locator("td", has_text=re.compile(r"^\s*RU\s*$"))
    )
    russia.locator("input[type=checkbox]").check()
    confirm = modal.get_by_role("button", name="Confirm selection")
    expect(confirm).to_be_enabled()
    confirm.click()
    expect(page.locator("[data-multiple-chooser-list]")).to_contain_text("Russia")
    shot(page, "news-editor")
    publish(page)
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))


def test_editor_publishes_news_linked_to_russia(page, site, editor_login, news_title, shot):
    log_in(page, site, editor_login)
    create_news_about_russia(page, site, news_title, shot)

    page.goto(f"{site}/en/knowledge/russia/")
    expect(page.locator(".related-news")).to_contain_text(news_title)
    shot(page, "russia-profile")

    page.goto(f"{site}/en/search/?q={news_title.split()[-1]}")
    expect(page.locator("ol.search-results")).to_contain_text(news_title)
    shot(page, "search")


def test_translator_translates_news_into_ukrainian(page, site, editor_login, news_title, shot):
    from news.models import NewsPage

    log_in(page, site, editor_login)
    create_news_about_russia(page, site, news_title, shot)
    english_id = page_id(NewsPage, title=news_title)

    page.goto(f"{site}/admin/localize/submit/page/{english_id}/")
    page.get_by_label("Українська").check()
    shot(page, "submit")
    page.get_by_role("button", name=re.compile("Submit")).click()

    # wagtail-localize's editor: one "Translate" button per segment; the title comes first.
    ukrainian_title = f"Повістки з мобілізації електронною поштою {news_title.split()[-1]}"
    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").first.fill(ukrainian_title)
    page.get_by_role("button", name="Save").first.click()
    shot(page, "editor")
    page.get_by_role("button", name=re.compile("Publish in Українська")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))

    with django_orm():
        slug = NewsPage.objects.get(pk=english_id).slug
    page.goto(f"{site}/uk/news/{slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(ukrainian_title)
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    shot(page, "news-uk")


def organisation_count(page):
    counter = page.locator(".signatory-counter strong").inner_text()
    return int(re.search(r"\d+", counter).group())


def test_organisation_signs_and_editor_approves(page, site, editor_login, shot):
    from campaign.models import Signatory

    appeal = f"{site}/en/campaign/appeal-bundestag/"
    suffix = uuid.uuid4().hex[:6]
    name = f"Refuseniks Support Network {suffix}"
    page.goto(appeal)
    before = organisation_count(page)
    page.get_by_role("link", name="Sign this appeal as an organisation").click()
    page.get_by_label("Name of the organisation").fill(name)
    page.locator("#id_country").select_option(label="Germany")
    page.get_by_label("Website").fill(f"refuseniks-{suffix}.example.org")
    page.get_by_label("Contact e-mail address").fill("contact@refuseniks.example.org")
    page.get_by_label("I may sign on behalf of this organisation.").check()
    shot(page, "form")
    page.get_by_role("button", name="Sign the appeal").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    shot(page, "thanks")
    page.goto(appeal)
    assert organisation_count(page) == before, "a pending signature must not be counted"

    log_in(page, site, editor_login)
    signatory = page_id(Signatory, name=name)
    page.goto(f"{site}/admin/snippets/campaign/signatory/edit/{signatory}/")
    page.locator("#id_status").select_option("approved")
    page.get_by_role("button", name="Save").first.click()
    expect(page.locator(".messages")).to_contain_text(re.compile("updated", re.I))

    page.goto(appeal)
    assert organisation_count(page) == before + 1
    expect(page.locator("main")).to_contain_text(name)
    shot(page, "appeal-after")


@pytest.fixture(scope="session")
def ukrainian_translator_login(_demo_site, django_db_blocker):
    """A member of "Translators: Українська" (may edit, not publish, Ukrainian pages)."""
    with django_db_blocker.unblock(), django_orm():
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        user, _created = get_user_model().objects.get_or_create(username="browser-translator-uk")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name="Translators: Українська"))
    return user.username


def open_ukrainian_guide_editor(page, site):
    from knowledge.models import GuidePage

    with django_orm():
        english = GuidePage.objects.get(
            slug="germany-protection-deserters", locale__language_code="en"
        )
        ukrainian = english.get_translations().get(locale__language_code="uk")
    page.goto(f"{site}/admin/pages/{ukrainian.pk}/edit/")
    expect(page.locator(".js-translation-editor footer")).to_be_visible()


def test_translator_cannot_turn_a_translation_into_english(
    page, site, ukrainian_translator_login, editor_login, shot
):
    """The translation editor offers a translator no way to convert the live Ukrainian guide
    to an alias of the English page, nor to stop its sync; "Submit for review" remains."""
    log_in(page, site, ukrainian_translator_login)
    open_ukrainian_guide_editor(page, site)
    footer = page.locator(".js-translation-editor footer")
    expect(footer.get_by_text("Convert to alias page")).to_have_count(0)
    expect(footer.get_by_text("Stop Synced translation")).to_be_hidden()
    expect(page.get_by_role("button", name="Submit for review")).to_be_visible()
    shot(page, "translator-editor")

    page.context.clear_cookies()
    log_in(page, site, editor_login)
    open_ukrainian_guide_editor(page, site)
    page.locator(".js-translation-editor footer .w-dropdown__toggle").first.click()
    expect(footer.get_by_text("Convert to alias page")).to_be_visible()
    expect(footer.get_by_text("Stop Synced translation")).to_be_visible()
    shot(page, "publisher-editor")
