"""Django's Redis cache, but an unreachable Redis behaves like an empty cache.

Wagtail keeps its site root paths in the default cache, and the page cache, the content
cache and the signature rate limit use it too: with the stock backend, a Redis restart
would turn every page into a server error. Here reads miss and writes are dropped while
Redis is away (pages are rendered from the database, slower but correct), with one warning
a minute in the log. Short socket timeouts (core/cache_config.py) keep a Redis that
hangs from holding requests.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60
_last_warning = 0.0


def _warn(error):
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= WARN_EVERY_SECONDS:
        _last_warning = now
        logger.warning("Redis unreachable, serving without the cache: %s", error)


def _or(fallback):
    """Run the cache method; if Redis cannot be reached, return fallback(*args, **kwargs)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except (RedisConnectionError, RedisTimeoutError) as error:
                _warn(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _missing(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _no_value(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unreachable).")


class ResilientRedisCache(RedisCache):
    get = _or(_missing)(RedisCache.get)
    get_many = _or(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _or(_false)(RedisCache.has_key)
    add = _or(_false)(RedisCache.add)
    set = _or(_nothing)(RedisCache.set)
    set_many = _or(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _or(_false)(RedisCache.touch)
    delete = _or(_false)(RedisCache.delete)
    delete_many = _or(_nothing)(RedisCache.delete_many)
    incr = _or(_no_value)(RedisCache.incr)
    clear = _or(_nothing)(RedisCache.clear)
