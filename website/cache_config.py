"""The cache backend named by one URL (REDIS_URL or CACHE_URL), so that settings stay one line."""

import environ

# Django's own Redis backend (no extra package besides the `redis` client).
REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def cache_config(url):
    """`redis://host:6379/0` (or rediss://) → Django's RedisCache; other schemes as
    django-environ reads them (`filecache:///var/cache/objectwar`, `locmemcache://`);
    empty → this process's memory, which needs nothing installed."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": REDIS_BACKEND, "LOCATION": url}
    return environ.Env.cache_url_config(url)
