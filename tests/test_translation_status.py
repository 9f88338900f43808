"""The 'Translation status' report counts missing, out-of-date and up-to-date translations."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

import pytest

from demo.localize import translate
from home.translation_status import translation_status


def status(language):
    return next(row for row in translation_status() if row.language_code == language)


def counts(language):
    row = status(language)
    return {
        "total": row.total,
        "missing": row.missing,
        "out_of_date": row.out_of_date,
        "up_to_date": row.up_to_date,
    }


@pytest.mark.django_db
def test_counts_follow_translation_and_republication(home_pages):
    before = {language: counts(language) for language in ["de", "ru", "uk", "be"]}
    for row in before.values():
        assert row["missing"] + row["out_of_date"] + row["up_to_date"] == row["total"]

    page = home_pages["en"].add_child(instance=Page(title="Status fixture", slug="status-fixture"))
    page.save_revision().publish()
    for language in ["de", "ru", "uk", "be"]:
        after = counts(language)
        assert after["total"] == before[language]["total"] + 1
        assert after["missing"] == before[language]["missing"] + 1

    translate(page, "ru", {"Status fixture": "Статус"})
    ru = counts("ru")
    assert ru["missing"] == before["ru"]["missing"]
    assert ru["up_to_date"] == before["ru"]["up_to_date"] + 1
    assert counts("uk")["missing"] == before["uk"]["missing"] + 1

    # The English source is published again: the Russian translation is out of date ...
    page = Page.objects.get(pk=page.pk)
    page.title = "Status fixture, revised"
    page.save_revision().publish()
    ru = counts("ru")
    assert ru["out_of_date"] == before["ru"]["out_of_date"] + 1
    assert ru["up_to_date"] == before["ru"]["up_to_date"]
    assert ru["missing"] == before["ru"]["missing"]

    # ... until it is synced (what "Sync translated pages" does).
    source = TranslationSource.objects.get(
        object_id=page.translation_key, locale__language_code="en"
    )
    source.update_from_db()
    Translation.objects.get(source=source, target_locale__language_code="ru").save_target(
        publish=True
    )
    ru = counts("ru")
    assert ru["out_of_date"] == before["ru"]["out_of_date"]
    assert ru["up_to_date"] == before["ru"]["up_to_date"] + 1


@pytest.mark.django_db
def test_percentages(home_pages):
    row = status("ru")
    assert row.total > 0
    total = row.missing_percent + row.out_of_date_percent + row.up_to_date_percent
    assert 99 <= total <= 101
    assert row.up_to_date_display == f"{row.up_to_date} ({row.up_to_date_percent} %)"


@pytest.mark.django_db
def test_report_in_the_admin_for_a_translation_lead(client, home_pages, django_user_model):
    user = django_user_model.objects.create_user("lead", password="pw")
    user.groups.add(Group.objects.get(name="Translation leads"))
    client.force_login(user)
    response = client.get(reverse("home_translation_status"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Translation status" in html
    for language in ["Deutsch", "Русский", "Українська", "Беларуская"]:
        assert language in html
    assert "English" not in html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    row = status("ru")
    assert f"{row.up_to_date} ({row.up_to_date_percent} %)" in html
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("home_translation_status") in menu
