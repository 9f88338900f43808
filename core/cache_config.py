"""The cache backend named by one URL (REDIS_URL or CACHE_URL), so that settings stay one line."""

import environ

# Django's own Redis backend (no extra package besides the `redis` client), made to miss
# instead of failing while Redis is unreachable (core/redis_cache.py).
REDIS_BACKEND = "core.redis_cache.ResilientRedisCache"
REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
LOCAL_MEMORY_BACKEND = "django.core.cache.backends.locmem.LocMemCache"
# Per worker. A cached page is ~25 KB, most lookups far less: at most ~50 MB per worker.
LOCAL_MEMORY_ENTRIES = 2000


def cache_config(url):
    """`redis://host:6379/0` (or rediss://) → Django's RedisCache (resilient); other schemes as
    django-environ reads them (`filecache:///var/cache/objectwar`, `locmemcache://`);
    empty → this process's memory, which needs nothing installed."""
    if not url:
        # Django's default of 300 entries is a few dozen pages with their lookups.
        return {"BACKEND": LOCAL_MEMORY_BACKEND, "OPTIONS": {"MAX_ENTRIES": LOCAL_MEMORY_ENTRIES}}
    if url.startswith(("redis://", "rediss://", "unix://")):
        # Short timeouts: a Redis that stops answering must not hold readers' pages for long.
        return {"BACKEND": REDIS_BACKEND, "LOCATION": url, "OPTIONS": REDIS_OPTIONS}
    return environ.Env.cache_url_config(url)
