"""Where each English page stands in each language (translation/status.py): the
'Translation status' report lists the pages with filters by language and state, translators
see on their dashboard what waits for them, and the report agrees with wagtail-localize's own
"Translations" report."""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from wagtail.models import Locale, Page, Workflow
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

import pytest

from campaign.models import HelpPage
from demo.localize import translate
from translation.status import State, page_translations, translation_status
from translation.teams import LEADS_GROUP

from .translation_helpers import user_in_group

LANGUAGES = ["de", "ru", "uk", "be"]


def status(language):
    return next(row for row in translation_status() if row.language_code == language)


def row_of(page, language):
    return next(
        row
        for row in page_translations([language])
        if row.source.translation_key == page.translation_key
    )


def localize_status(page, language):
    """What wagtail-localize's own report says of this translation."""
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language
    ).get_status_display()


def untranslated_paths(translation):
    """The content paths wagtail-localize still waits for in this translation."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    return set(
        StringSegment.objects.filter(source=translation.source)
        .annotate(translated=Exists(translated))
        .filter(translated=False)
        .values_list("context__path", flat=True)
    )


@pytest.fixture
def fixture_page(home_pages):
    page = home_pages["en"].add_child(instance=Page(title="Status fixture", slug="status-fixture"))
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_states_follow_translation_and_republication(home_pages):
    before = {language: status(language) for language in LANGUAGES}
    for row in before.values():
        assert sum(row.counts.values()) == row.total

    page = home_pages["en"].add_child(instance=Page(title="Status fixture", slug="status-fixture"))
    page.save_revision().publish()
    for language in LANGUAGES:
        assert status(language).total == before[language].total + 1
        assert status(language).missing == before[language].missing + 1
    assert row_of(page, "ru").state == State.MISSING

    translate(page, "ru", {"Status fixture": "Статус", "status-fixture": "status-fixture"})
    assert row_of(page, "ru").state == State.UP_TO_DATE
    assert localize_status(page, "ru") == "Up to date"
    assert status("ru").up_to_date == before["ru"].up_to_date + 1

    # The English page is published again: the English text in the editor is older.
    page = Page.objects.get(pk=page.pk)
    page.title = "Status fixture, revised"
    page.save_revision().publish()
    row = row_of(page, "ru")
    assert row.state == State.OUT_OF_DATE
    assert row.english_changed_at is not None
    assert "The English original was changed on" in row.detail
    # wagtail-localize does not see it yet: it compares with the old English text.
    assert localize_status(page, "ru") == "Up to date"

    # The text is brought into the editor: the new title waits for a translation, which
    # wagtail-localize calls "Waiting for translations" and this report out of date ...
    source = TranslationSource.objects.get(
        object_id=page.translation_key, locale__language_code="en"
    )
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale__language_code="ru")
    translation.save_target(publish=True)  # published with the English title as fallback
    row = row_of(page, "ru")
    assert localize_status(page, "ru") == "Waiting for translations"
    assert row.state == State.OUT_OF_DATE
    assert row.english_changed_at is None and row.untranslated == 1
    assert "Strings to translate: 1." in row.detail

    # ... until it is translated and published.
    title = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=translation.target_locale,
        context=title.context,
        data="Статус, исправленный",
    )
    translation.save_target(publish=True)
    assert row_of(page, "ru").state == State.UP_TO_DATE
    assert localize_status(page, "ru") == "Up to date"


@pytest.mark.django_db
def test_never_up_to_date_where_wagtail_localize_waits_for_translations(demo_content):
    """Both reports on the demo content: wherever wagtail-localize waits for a translation
    (other than the slug), this report does not say up to date, and where this report says up
    to date, wagtail-localize does too."""
    # The demo is translated whole: leave one string of one page untranslated, as a
    # translator who has not finished would.
    help_page = HelpPage.objects.get(locale__language_code="en")
    source = TranslationSource.objects.get_for_instance(help_page)
    segment = StringSegment.objects.filter(source=source).exclude(context__path="slug").first()
    StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale__language_code="uk"
    ).delete()
    rows = [row for row in page_translations() if row.translation_id is not None]
    seen = set()
    for row in rows:
        translation = Translation.objects.get(pk=row.translation_id)
        waiting = untranslated_paths(translation)
        localize = translation.get_status_display()
        assert (localize == "Waiting for translations") == bool(waiting)
        if waiting - {"slug"}:
            assert row.state != State.UP_TO_DATE, row.title
        if row.state == State.UP_TO_DATE:
            assert localize == "Up to date" or waiting == {"slug"}
        seen.add((row.state, localize))
    # The demo has both kinds, so the comparison means something.
    assert (State.UP_TO_DATE, "Waiting for translations") in seen  # only the slug
    assert (State.OUT_OF_DATE, "Waiting for translations") in seen


@pytest.mark.django_db
def test_sent_back_and_in_review(client, fixture_page, django_user_model):
    russian = translate(fixture_page, "ru", {"Status fixture": "Статус"})
    workflow = Workflow.objects.get(name="Moderators approval")
    translator = user_in_group(django_user_model, "translator-ru", "Translators: Русский")
    state = workflow.start(russian, translator)
    assert row_of(fixture_page, "ru").state == State.IN_REVIEW
    moderator = django_user_model.objects.create_superuser("mod", "m@example.org", "pw")
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "reject")
    row = row_of(fixture_page, "ru")
    assert row.state == State.SENT_BACK
    assert "The reviewer asked for changes." in row.detail


@pytest.mark.django_db
def test_report_lists_the_pages_with_filters(client, fixture_page, django_user_model):
    translate(fixture_page, "uk", {"Status fixture": "Статус"})
    lead = user_in_group(django_user_model, "lead", LEADS_GROUP)
    client.force_login(lead)
    url = reverse("translation_status")
    html = client.get(url).content.decode()
    assert "Translation status" in html
    for language in ["Deutsch", "Русский", "Українська", "Беларуская"]:
        assert language in html
    uk = status("uk")
    assert f"{uk.up_to_date} ({uk.percent(State.UP_TO_DATE)} %)" in html  # the summary
    assert "What the states mean" in html and "Waiting for translations" in html

    html = client.get(url, {"language": "uk", "state": "up_to_date"}).content.decode()
    english_edit = reverse("wagtailadmin_pages:edit", args=[fixture_page.pk])
    ukrainian = fixture_page.get_translations().get(locale__language_code="uk")
    assert f'href="{english_edit}"' in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[ukrainian.pk])}"' in html
    results = html.split('id="listing-results"', 1)[1]
    assert "Русский" not in results and "Missing" not in results.split("<tbody", 1)[1]

    html = client.get(url, {"language": "ru", "state": "missing"}).content.decode()
    assert "Status fixture" in html and "Not sent for translation yet." in html

    export = client.get(url, {"language": "uk", "export": "csv"})
    assert export.status_code == 200
    assert "Status fixture" in b"".join(export.streaming_content).decode()

    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in menu


@pytest.mark.django_db
def test_a_translators_dashboard_lists_what_waits_for_them(client, fixture_page, django_user_model):
    ukrainian = translate(fixture_page, "uk", {})  # the title is not translated yet
    translator = user_in_group(django_user_model, "translator-uk", "Translators: Українська")
    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Waiting for you in Українська" in html
    assert "Out of date" in html
    edit = reverse("wagtailadmin_pages:edit", args=[ukrainian.pk])
    assert f'<a href="{edit}">Status fixture</a> — Strings to translate: 1.' in html
    assert "Waiting for you in Русский" not in html

    # A page a lead sent for translation, not yet published: "New".
    other = Page(title="Second fixture", slug="second-fixture")
    fixture_page.get_parent().add_child(instance=other)
    other.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(other)
    source.create_or_update_translation(
        Locale.objects.get(language_code="uk"), publish=False, fallback=True
    )
    Translation.objects.create(source=source, target_locale=ukrainian.locale)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "New (1)" in html and "Second fixture" in html

    # Someone in no translator team gets no such panel.
    client.force_login(user_in_group(django_user_model, "lead", LEADS_GROUP))
    assert "Waiting for you in" not in client.get(reverse("wagtailadmin_home")).content.decode()
