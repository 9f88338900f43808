"""Typo correction on PostgreSQL: the pg_trgm extension and trigram indexes on the vocabulary
(search/vocabulary.py asks `word % 'мобилизцаия'`, ordered by similarity). SQLite has no
trigram search: there the vocabulary is compared in Python, and nothing is created here.

Creating an extension needs a role allowed to (the database owner on PostgreSQL 13+ for a
trusted extension such as pg_trgm, or a superuser).
"""

from django.db import migrations

INDEXES = {
    "search_term_word_trgm": "word",
    "search_term_skeleton_trgm": "skeleton",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON search_searchterm "
            f"USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    # The extension stays: other tables may use it.


class Migration(migrations.Migration):
    dependencies = [("search", "0004_vocabulary_and_synonyms")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
