"""A translator cannot replace a live translation with the English page, detach it from its
source or take it offline, through any view, button, bulk action or admin API action; someone
with the right to publish the page still can (translation/guard.py)."""

import json

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

import pytest

from knowledge.models import GuidePage

from .translation_helpers import edit_url, editor_props, messages_of, translation_of, user_in_group

GUIDE = "germany-protection-deserters"


@pytest.fixture
def guide(demo_content):
    """The live Ukrainian deserters' guide, a synced translation of the English one."""
    english = GuidePage.objects.get(slug=GUIDE, locale__language_code="en")
    page = english.get_translation(Locale.objects.get(language_code="uk"))
    assert page.live and page.alias_of_id is None
    assert translation_of(page).enabled
    return page


@pytest.fixture
def translator(django_user_model, demo_content):
    return user_in_group(django_user_model, "translator-uk", "Translators: Українська")


@pytest.fixture
def publisher(django_user_model, demo_content):
    """An editor who may publish everywhere (Wagtail's "Moderators" group)."""
    user = django_user_model.objects.create_user("publisher", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def assert_still_the_live_translation(page):
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.alias_of_id is None
    assert translation_of(page).enabled


def convert_url(page):
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


def stop_url(page):
    return reverse("wagtail_localize:stop_translation", args=[translation_of(page).pk])


@pytest.mark.django_db
def test_translator_cannot_convert_the_translation_to_an_alias(client, translator, guide):
    client.force_login(translator)
    # The confirmation page, the confirmation itself, and the editor's own form action.
    for response in (
        client.get(convert_url(guide), follow=True),
        client.post(convert_url(guide), {"next": edit_url(guide)}, follow=True),
        client.post(edit_url(guide), {"localize-convert-to-alias": "1"}, follow=True),
    ):
        assert response.redirect_chain[-1] == (edit_url(guide), 302)
        assert any("Only someone who may publish this page" in m for m in messages_of(response))
        assert_still_the_live_translation(guide)


@pytest.mark.django_db
def test_translator_cannot_stop_the_synced_translation(client, translator, guide):
    client.force_login(translator)
    response = client.post(stop_url(guide), {"next": edit_url(guide)}, follow=True)
    assert response.redirect_chain[-1] == (edit_url(guide), 302)
    assert "Only someone who may publish this translation" in " ".join(messages_of(response))
    assert_still_the_live_translation(guide)


@pytest.mark.django_db
def test_translator_cannot_unpublish(client, translator, guide):
    client.force_login(translator)
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[guide.pk])
    for response in (client.get(unpublish), client.post(unpublish)):
        # Wagtail's admin answers a refused permission with its dashboard and a message.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    # The explorer's bulk actions skip the pages the user may not unpublish (or delete).
    for action in ("unpublish", "delete"):
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        client.post(f"{bulk}?id={guide.pk}", {"include_descendants": ""})
        assert_still_the_live_translation(guide)


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["unpublish", "delete", "publish"])
def test_translator_cannot_act_on_the_page_through_the_admin_api(client, translator, guide, action):
    client.force_login(translator)
    live_revision = guide.live_revision_id
    response = client.post(
        f"/admin/api/main/pages/{guide.pk}/action/{action}/",
        json.dumps({}),
        content_type="application/json",
    )
    assert response.status_code == 403, response.content
    assert_still_the_live_translation(guide)
    assert Page.objects.get(pk=guide.pk).live_revision_id == live_revision


@pytest.mark.django_db
def test_translator_sees_neither_button(client, translator, guide):
    client.force_login(translator)
    response = client.get(edit_url(guide))
    props = editor_props(response)
    assert props["links"]["convertToAliasUrl"] is None
    html = response.content.decode()
    # The footer group with "Stop Synced translation" is hidden (their only actions there).
    assert "translation-editor-without-publish" in html
    assert "translation/admin/translation-editor.css" in html

    # A translation whose sync was stopped opens in Wagtail's editor: no "Convert to alias".
    Translation.objects.filter(pk=translation_of(guide).pk).update(enabled=False)
    html = client.get(edit_url(guide)).content.decode()
    assert 'name="action-submit"' in html  # the normal editor
    assert "localize-convert-to-alias" not in html


@pytest.mark.django_db
def test_someone_who_may_publish_still_can(client, publisher, guide):
    client.force_login(publisher)
    response = client.get(edit_url(guide))
    props = editor_props(response)
    assert props["links"]["convertToAliasUrl"] == convert_url(guide)
    assert "translation-editor-without-publish" not in response.content.decode()

    response = client.post(stop_url(guide), {"next": edit_url(guide)})
    assert response.status_code == 302
    assert not translation_of(guide).enabled
    html = client.get(edit_url(guide)).content.decode()
    assert "localize-convert-to-alias" in html  # Wagtail's editor offers it to them

    response = client.post(convert_url(guide), {"next": edit_url(guide)})
    assert response.status_code == 302
    page = Page.objects.get(pk=guide.pk)
    assert page.alias_of_id == GuidePage.objects.get(slug=GUIDE, locale__language_code="en").pk
