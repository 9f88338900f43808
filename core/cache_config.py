"""The cache backend named by one URL (REDIS_URL or CACHE_URL), so that settings stay one
line, and the release id that keeps one release's cached pages from the next."""

import os
import subprocess

import environ

# django-redis, made to miss instead of failing while Redis is unreachable: Wagtail keeps
# its site root paths in this cache, and the page cache, the content cache and the
# signature rate limit use it too, so a Redis restart would otherwise turn every page into
# a server error. Reads miss and writes are dropped while it is away (pages are rendered
# from the database); short timeouts keep a Redis that hangs from holding requests.
REDIS_BACKEND = "django_redis.cache.RedisCache"
# After a call that Redis did not answer, the process leaves it alone for a few seconds
# (core/cache_breaker.py): a Redis that hangs costs one timeout, not one per cache call.
REDIS_OPTIONS = {
    "CLIENT_CLASS": "core.cache_breaker.BreakerClient",
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.5,
    "SOCKET_TIMEOUT": 0.5,
}
LOCAL_MEMORY_BACKEND = "django.core.cache.backends.locmem.LocMemCache"
# Per worker. A cached page is ~25 KB, most lookups far less: at most ~50 MB per worker.
LOCAL_MEMORY_ENTRIES = 2000


def cache_config(url, release=""):
    """`redis://host:6379/0` (or rediss://) → django-redis (misses while Redis is away);
    other schemes as django-environ reads them (`filecache:///var/cache/objectwar`,
    `locmemcache://`); empty → this process's memory, which needs nothing installed.

    Keys carry the release id: after a deploy nothing cached by the previous code (whole
    pages, pickled pages and settings) is read, whatever its expiry."""
    if not url:
        # Django's default of 300 entries is a few dozen pages with their lookups.
        config = {"BACKEND": LOCAL_MEMORY_BACKEND, "OPTIONS": {"MAX_ENTRIES": LOCAL_MEMORY_ENTRIES}}
    elif url.startswith(("redis://", "rediss://", "unix://")):
        config = {"BACKEND": REDIS_BACKEND, "LOCATION": url, "OPTIONS": dict(REDIS_OPTIONS)}
    else:
        config = environ.Env.cache_url_config(url)
    if release:
        config["KEY_PREFIX"] = release
    return config


def release_id(base_dir):
    """RELEASE_ID from the environment (set it on deploy, e.g. to the commit or the image
    tag), else the commit of a git checkout at `base_dir`, else '' (then a deploy does not
    change the keys: cached pages live until they expire, docs/production.md)."""
    if value := os.environ.get("RELEASE_ID", "").strip():
        return value[:40]
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],  # noqa: S607 - git from PATH
            cwd=base_dir,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""
