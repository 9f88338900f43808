"""The main navigation now lists only pages with "Show in menus": turn it on for the
sections that were listed until now (every page directly under a home page), in the pages,
in their drafts and scheduled revisions (publishing one must not take the section out of the
menu again) and in wagtail-localize's copy of the English source (which a translation
publishes from: the field is synchronised)."""

import json

from django.db import migrations


def _switched_on(content):
    if isinstance(content, dict) and content.get("show_in_menus") is False:
        return {**content, "show_in_menus": True}
    return None


def sections_in_menus(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    HomePage = apps.get_model("home", "HomePage")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sections = Page.objects.none()
    for home in HomePage.objects.all():
        sections |= Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    sections = list(sections)
    Page.objects.filter(pk__in=[page.pk for page in sections]).update(show_in_menus=True)

    for revision in Revision.objects.filter(
        content_type_id__in={page.content_type_id for page in sections},
        object_id__in=[str(page.pk) for page in sections],
    ):
        content = _switched_on(revision.content)
        if content is not None:
            revision.content = content
            revision.save(update_fields=["content"])

    keys = {page.translation_key for page in sections}
    for source in TranslationSource.objects.filter(object_id__in=keys):
        content = _switched_on(json.loads(source.content_json))
        if content is not None:
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_locales"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(sections_in_menus, migrations.RunPython.noop)]
