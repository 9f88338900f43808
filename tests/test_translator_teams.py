"""Translator teams: a Russian translator works on Russian pages only, cannot publish, and
uploads only into the Russian collection (checked through admin responses)."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail_localize.models import Translation

import pytest

from translation.teams import (
    LEADS_GROUP,
    collection_name,
    setup_translator_teams,
    translators_group_name,
)

from .knowledge_helpers import profile

# A 1×1 transparent GIF.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@pytest.fixture
def russian_translator(django_user_model, demo_content):
    user = django_user_model.objects.create_user("translator-ru", password="pw")
    user.groups.add(Group.objects.get(name="Translators: Русский"))
    return user


@pytest.fixture
def lead(django_user_model, demo_content):
    user = django_user_model.objects.create_user("lead", password="pw")
    user.groups.add(Group.objects.get(name=LEADS_GROUP))
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_groups_are_named_after_languages_in_their_own_names(demo_content):
    teams = Group.objects.filter(name__startswith="Translators: ")
    names = set(teams.values_list("name", flat=True))
    assert names == {
        "Translators: Deutsch",
        "Translators: Русский",
        "Translators: Українська",
        "Translators: Беларуская",
    }
    assert translators_group_name("ru") == "Translators: Русский"
    root = Collection.get_first_root_node()
    assert set(root.get_children().values_list("name", flat=True)) >= {
        "Images and documents: Русский",
        "Images and documents: Deutsch",
    }


@pytest.mark.django_db
def test_setup_is_idempotent(demo_content):
    def counts():
        return (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            Collection.objects.count(),
            sum(group.permissions.count() for group in Group.objects.all()),
        )

    before = counts()
    setup_translator_teams()
    out = io.StringIO()
    call_command("setup_translator_teams", stdout=out)
    assert counts() == before
    assert "Translators: Русский" in out.getvalue()
    assert "4 translator team(s) in place." in out.getvalue()


@pytest.mark.django_db
def test_russian_translator_opens_russian_translation_without_publish_action(
    client, russian_translator
):
    page = profile("russia", "ru")
    client.force_login(russian_translator)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    # A synced translation opens in wagtail-localize's translation editor; its publish
    # button is rendered only when the props say canPublish.
    assert "&quot;canPublish&quot;: false" in html
    assert 'name="action-publish"' not in html


@pytest.mark.django_db
def test_russian_translator_submits_for_moderation_in_the_page_editor(client, russian_translator):
    """Outside the translation editor (a page whose synced translation was stopped, or a
    page the team wrote itself) the normal editor offers submit, not publish."""
    page = profile("russia", "ru")
    Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).update(enabled=False)
    client.force_login(russian_translator)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "uk"])
def test_russian_translator_cannot_open_english_or_ukrainian_page(
    client, russian_translator, language
):
    page = profile("russia", language)
    client.force_login(russian_translator)
    response = client.get(edit_url(page))
    # Wagtail 8 turns the PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    followed = client.get(response["Location"])
    assert "Sorry, you do not have permission to access this area." in " ".join(
        messages_of(followed)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "uk"])
def test_russian_translator_cannot_change_english_or_ukrainian_page_by_post(
    client, russian_translator, language
):
    page = profile("russia", language)
    revisions = page.revisions.count()
    client.force_login(russian_translator)
    response = client.post(edit_url(page), {"action": "publish", "title": "Changed"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert page.revisions.count() == revisions
    assert Page.objects.get(pk=page.pk).title == page.title


@pytest.mark.django_db
def test_russian_translator_cannot_publish_russian_translation(client, russian_translator):
    page = profile("russia", "ru")
    live_revision = page.live_revision_id
    revisions = page.revisions.count()
    client.force_login(russian_translator)
    # The translation editor's publish button posts action=publish to the edit view.
    response = client.post(edit_url(page), {"action": "publish"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    assert page.revisions.count() == revisions
    # Wagtail has no separate publish URL for pages; the bulk action is refused too.
    response = client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}",
        {},
    )
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    assert page.revisions.count() == revisions


@pytest.mark.django_db
def test_russian_translator_uploads_only_into_russian_collection(
    client, russian_translator, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    russian = Collection.objects.get(name=collection_name("ru"))
    ukrainian = Collection.objects.get(name=collection_name("uk"))
    client.force_login(russian_translator)
    add_url = reverse("wagtailimages:add")

    def upload(collection, title):
        return client.post(
            add_url,
            {
                "title": title,
                "file": SimpleUploadedFile("pixel.gif", GIF, content_type="image/gif"),
                "collection": collection.pk,
                "tags": "",
            },
        )

    # The team has one collection, so Wagtail hides the collection field and ignores a
    # posted one: asking for the Ukrainian collection still files the image as Russian.
    response = upload(ukrainian, "Asked for Ukrainian")
    assert response.status_code == 302
    assert Image.objects.get(title="Asked for Ukrainian").collection == russian
    assert not Image.objects.filter(collection=ukrainian).exists()

    response = upload(russian, "Here")
    assert response.status_code == 302
    assert Image.objects.get(title="Here").collection == russian

    # The Ukrainian collection's images are not listed for the Russian team either.
    other = Image.objects.create(
        title="Ukrainian image",
        file=SimpleUploadedFile("other.gif", GIF, content_type="image/gif"),
        collection=ukrainian,
    )
    response = client.get(reverse("wagtailimages:edit", args=[other.pk]))
    assert response.status_code == 302


@pytest.mark.django_db
def test_translation_lead_can_submit_english_page_for_translation(client, lead):
    page = profile("russia", "en")
    client.force_login(lead)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    assert response.status_code == 200
    assert lead.has_perm("wagtail_localize.submit_translation")


@pytest.mark.django_db
def test_russian_translator_cannot_submit_for_translation(client, russian_translator):
    page = profile("russia", "en")
    client.force_login(russian_translator)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    assert response.status_code in (302, 403)
