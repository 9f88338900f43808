from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_lead_image_and_figure_block"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="newspage",
            index=models.Index(fields=["-date", "-page_ptr"], name="news_newest_first"),
        ),
    ]
