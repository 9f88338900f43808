from django.db import migrations


class Migration(migrations.Migration):
    """KnowledgeSettings held only the legal review interval: it is named for what it holds."""

    dependencies = [
        ("knowledge", "0008_decision_admin_labels"),
    ]

    operations = [
        migrations.RenameModel(old_name="KnowledgeSettings", new_name="LegalReviewSettings"),
        migrations.AlterModelOptions(
            name="legalreviewsettings",
            options={
                "verbose_name": "legal review settings",
                "verbose_name_plural": "legal review settings",
            },
        ),
    ]
