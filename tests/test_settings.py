"""Configuration comes from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def start_django(settings_module, show="settings.DATABASES['default']['ENGINE']", **env_vars):
    """Start Django in a fresh process with only these variables set; print `show`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "CACHE_URL"}
        and not k.endswith("_CACHE_SECONDS")
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **env_vars)
    code = f"import django; django.setup(); from django.conf import settings; print({show})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = start_django("website.settings.production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "set the SECRET_KEY environment variable" in result.stderr


def test_production_starts_with_secret_key_and_reads_database_url():
    result = start_django(
        "website.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="postgres://user:pw@127.0.0.1:5432/objectwar",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_default_database_is_a_local_sqlite_file():
    result = start_django("website.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_production_check_deploy_has_no_warnings():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        ALLOWED_HOSTS="objectwar.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


CACHE_SETTINGS = (
    "settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1], "
    "settings.PAGE_CACHE_SECONDS, settings.CONTENT_CACHE_SECONDS"
)


def test_without_a_shared_cache_a_publish_reaches_every_worker_within_a_minute():
    """Each worker's own memory hears of a publish only from its own requests: its copies
    must expire soon. With Redis every worker sees the purge at once."""
    production = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"}
    alone = start_django("website.settings.production", show=CACHE_SETTINGS, **production)
    assert alone.returncode == 0, alone.stderr
    assert alone.stdout.split() == ["LocMemCache", "60", "60"]
    shared = start_django(
        "website.settings.production",
        show=CACHE_SETTINGS,
        REDIS_URL="redis://127.0.0.1:6379/0",
        **production,
    )
    assert shared.returncode == 0, shared.stderr
    assert shared.stdout.split() == ["RedisCache", "600", "3600"]


def test_production_never_logs_what_the_search_clients_send():
    """The search clients log request and response bodies (readers' queries) at DEBUG:
    production keeps their loggers at WARNING even with LOG_LEVEL=DEBUG."""
    names = ("elasticsearch", "elastic_transport", "opensearch", "urllib3")
    show = f"[settings.LOGGING['loggers'][n]['level'] for n in {names!r}]"
    result = start_django(
        "website.settings.production",
        show=show,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        LOG_LEVEL="DEBUG",
    )
    assert result.stdout.strip() == str(["WARNING"] * 4), result.stderr


def test_every_cache_key_carries_the_release():
    """A deploy (a new RELEASE_ID) must not read what the previous release cached."""
    production = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"}
    show = "settings.CACHES['default']['KEY_PREFIX'], settings.RELEASE_ID"
    first = start_django(
        "website.settings.production", show=show, RELEASE_ID="2026-12-01.1", **production
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["2026-12-01.1", "2026-12-01.1"]
