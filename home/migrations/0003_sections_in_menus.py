"""The main navigation now lists only pages with "Show in menus": turn it on for the
sections that were listed until now (every page directly under a home page)."""

from django.db import migrations


def sections_in_menus(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")
    for home in HomePage.objects.all():
        Page.objects.filter(
            path__startswith=home.path, depth=home.depth + 1
        ).update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_locales"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(sections_in_menus, migrations.RunPython.noop)]
