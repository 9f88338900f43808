"""The queue holds every indexed model (images, documents, snippets), not only pages: every
update of the node now goes through it (search/indexing.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_index_entry_text_gin"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="pendingindexupdate",
            name="one_pending_update_per_page",
        ),
        migrations.RenameField(
            model_name="pendingindexupdate",
            old_name="page_id",
            new_name="object_id",
        ),
        migrations.AlterField(
            model_name="pendingindexupdate",
            name="object_id",
            field=models.PositiveIntegerField(help_text="Not a foreign key: deleted objects too."),
        ),
        migrations.AddField(
            model_name="pendingindexupdate",
            name="model",
            field=models.CharField(
                default="wagtailcore.page",
                help_text="The indexed root model, e.g. wagtailcore.page or wagtailimages.image.",
                max_length=100,
            ),
        ),
        migrations.AlterField(
            model_name="pendingindexupdate",
            name="attempts",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Failed attempts to apply it."
            ),
        ),
        migrations.AlterModelOptions(
            name="pendingindexupdate",
            options={"ordering": ["queued_at", "pk"]},
        ),
        migrations.AddConstraint(
            model_name="pendingindexupdate",
            constraint=models.UniqueConstraint(
                fields=("backend", "model", "object_id"), name="one_pending_update_per_object"
            ),
        ),
    ]
