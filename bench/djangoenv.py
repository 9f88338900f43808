"""Start Django for a bench script against an explicitly named database.

Bench scripts never fall back to the developer's DATABASE_URL or db.sqlite3: they take
`--database-url` on the command line, refuse the demo database, and create an empty
PostgreSQL database when it does not exist yet.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEVELOPER_DB = PROJECT_DIR / "db.sqlite3"


def check_database_url(url):
    """Refuse URLs that could point at the developer's demo database."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = Path(parts.path[1:] if parts.path.startswith("//") else parts.path)
        if not path.is_absolute() or path.resolve() == DEVELOPER_DB.resolve():
            sys.exit(
                f"Refusing {url}: give an absolute path other than the demo database "
                f"{DEVELOPER_DB}, e.g. sqlite:////tmp/objectwar-bench.sqlite3"
            )
    elif parts.scheme in ("postgres", "postgresql", "pgsql", "psql"):
        name = parts.path.lstrip("/")
        if "bench" not in name:
            sys.exit(
                f"Refusing database {name!r}: bench databases must have 'bench' in their "
                "name, so that a developer's database is never filled by accident."
            )
    else:
        sys.exit(f"Unsupported database URL {url!r} (sqlite:////abs/path or postgres://…)")
    return url


def ensure_postgres_database(url):
    """Create the PostgreSQL database of `url` if it does not exist."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin_url = parts._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')  # noqa: S608 (name checked above)


def setup(database_url, settings="website.settings.dev", **environment):
    """Point Django at `database_url` (checked) and start it. Debug is off: with it on,
    Django keeps every query in memory, which distorts timings of bulk work."""
    check_database_url(database_url)
    ensure_postgres_database(database_url)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    os.environ["DEBUG"] = "false"
    os.environ.update(environment)
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
