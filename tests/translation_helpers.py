"""Helpers for translation tests: users of the translator teams, and the data the
translation editor (wagtail-localize's React app) is rendered with."""

import html
import json
import re
from urllib.parse import urlencode

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

PROPS = re.compile(r'class="js-translation-editor" data-props="([^"]*)"')


def user_in_group(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_url(obj):
    return reverse("wagtailadmin_pages:edit", args=[obj.pk])


def translation_of(page):
    """The wagtail-localize Translation whose target is `page` (a page or snippet)."""
    return Translation.objects.select_related("source", "target_locale").get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )


def editor_props(response):
    """The props the translation editor was rendered with (the page is the editor)."""
    assert response.status_code == 200
    match = PROPS.search(response.content.decode())
    assert match, "the translation editor was not rendered"
    return json.loads(html.unescape(match.group(1)))


def segment_translations(props):
    """{content path: translated text, or None while it needs translating}, as the editor
    shows them."""
    translated = {item["segment_id"]: item["data"] for item in props["initialStringTranslations"]}
    return {
        segment["contentPath"]: translated.get(segment["id"])
        for segment in props["segments"]
        if segment["type"] == "string"
    }


def segment_by_path(props, path):
    return next(s for s in props["segments"] if s["type"] == "string" and s["contentPath"] == path)


def translate_segment(client, props, path, text):
    """Type `text` into the editor's field for `path` (the editor PUTs it to its API)."""
    segment = segment_by_path(props, path)
    return client.put(
        segment["editUrl"],
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )


def messages_of(response):
    # Wagtail's admin messages arrive HTML-escaped.
    return [html.unescape(str(message)).strip() for message in response.context["messages"]]


def string_translation_rows(translation):
    return sorted(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("context__path", "data", "translation_type")
    )
