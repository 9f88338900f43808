"""Backup and restore (bin/backup, bin/restore; docs/operations.md) on PostgreSQL.

The demo content is backed up from the test database, restored into an empty database and
a fresh media directory, and must come back whole: the same pages in every language, the
same revisions, translations and signatures, and the documents' files.

The commands work with PostgreSQL dumps only, so this runs when DATABASE_URL is
PostgreSQL (CI's PostgreSQL pass); on SQLite it is skipped and says so.
"""

import hashlib
import os
import subprocess
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

import psycopg
import pytest

BIN = settings.BASE_DIR / "bin"

COUNTS = {
    "pages per language": """
        SELECT l.language_code, count(*) FROM wagtailcore_page p
        JOIN wagtailcore_locale l ON l.id = p.locale_id GROUP BY 1 ORDER BY 1""",
    "revisions": "SELECT count(*) FROM wagtailcore_revision",
    "translation sources": "SELECT count(*) FROM wagtail_localize_translationsource",
    "translations": "SELECT count(*) FROM wagtail_localize_translation",
    "translated strings": "SELECT count(*) FROM wagtail_localize_stringtranslation",
    "signatories": "SELECT count(*) FROM campaign_signatory",
    "countries": "SELECT count(*) FROM knowledge_country",
    "titles": """
        SELECT l.language_code, p.depth, p.title FROM wagtailcore_page p
        JOIN wagtailcore_locale l ON l.id = p.locale_id
        WHERE p.depth <= 3 ORDER BY l.language_code, p.path""",
}


@pytest.fixture
def postgres(demo_content):
    if connection.vendor != "postgresql":
        pytest.skip(
            "bin/backup and bin/restore use pg_dump/pg_restore: run with a PostgreSQL "
            "DATABASE_URL (CI's PostgreSQL pass does)"
        )
    return connection.settings_dict


def database_url(params, name):
    auth = quote(params["USER"] or "", safe="")
    if params["PASSWORD"]:
        auth += ":" + quote(params["PASSWORD"], safe="")
    host = params["HOST"] or "localhost"
    port = f":{params['PORT']}" if params["PORT"] else ""
    return f"postgresql://{auth}@{host}{port}/{name}"


@pytest.fixture
def empty_database(postgres):
    name = f"{postgres['NAME']}_restored"
    admin = database_url(postgres, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(postgres, name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def snapshot(url):
    with psycopg.connect(url) as conn:
        return {label: conn.execute(sql).fetchall() for label, sql in COUNTS.items()}


def documents(url):
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT file, file_hash FROM wagtaildocs_document").fetchall()


def run(script, *args, **environment):
    env = {**os.environ, **environment}
    return subprocess.run(  # noqa: S603 (our own scripts, fixed arguments)
        [str(BIN / script), *map(str, args)], env=env, capture_output=True, text=True
    )


def test_backup_restores_into_an_empty_database_with_everything(postgres, empty_database, tmp_path):
    source = database_url(postgres, postgres["NAME"])
    backup = run(
        "backup", tmp_path / "backups", DATABASE_URL=source, MEDIA_ROOT=settings.MEDIA_ROOT
    )
    assert backup.returncode == 0, backup.stderr
    dump, media = backup.stdout.split()
    assert dump.endswith(".dump") and media.endswith("-media.tar.gz")
    # Contact e-mails, password hashes and two-factor keys: for the backup's owner only.
    for path in (dump, media):
        assert Path(path).stat().st_mode & 0o777 == 0o600, path
    assert (tmp_path / "backups").stat().st_mode & 0o077 == 0

    restored_media = tmp_path / "media"
    restore = run("restore", dump, DATABASE_URL=empty_database, MEDIA_ROOT=restored_media)
    assert restore.returncode == 0, restore.stderr

    before, after = snapshot(source), snapshot(empty_database)
    assert after == before
    languages = {code for code, _count in after["pages per language"]}
    assert languages >= {"en", "de", "ru", "uk", "be"}
    assert after["revisions"][0][0] > 0 and after["translations"][0][0] > 0
    titles = {(code, title) for code, _depth, title in after["titles"]}
    assert ("en", "Knowledge base") in titles and ("de", "Wissensdatenbank") in titles

    files = documents(empty_database)
    assert files, "the demo content has documents"
    for path, file_hash in files:
        content = (restored_media / path).read_bytes()
        assert hashlib.sha1(content, usedforsecurity=False).hexdigest() == file_hash


def test_restore_refuses_a_database_that_is_not_empty(postgres, tmp_path):
    source = database_url(postgres, postgres["NAME"])
    backup = run("backup", tmp_path, DATABASE_URL=source, MEDIA_ROOT=tmp_path / "no-media")
    assert backup.returncode == 0, backup.stderr
    dump = backup.stdout.split()[0]
    before = snapshot(source)

    restore = run("restore", dump, DATABASE_URL=source, MEDIA_ROOT=tmp_path / "media")
    assert restore.returncode == 1
    assert "restore only into an empty database" in restore.stderr
    assert snapshot(source) == before
    assert not (tmp_path / "media").exists()
