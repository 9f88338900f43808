"""django-redis's client with a breaker: after Redis fails to answer, this process leaves it
alone for CACHE_BREAKER_SECONDS instead of waiting for the socket timeout at every call.

A Redis that hangs (a frozen VM, a full disk, SIGSTOP) accepts connections and never
answers. Each cache call then waits SOCKET_TIMEOUT (0.5 s, core/cache_config.py) before
django-redis gives up and misses; a page makes about twenty such calls, so every page took
10 s and a search 5 s. With the breaker only the call that finds Redis gone waits; until the
breaker's time is over every call misses at once, exactly as while Redis is away (reads
miss, writes are dropped, a purge stays owed: core/page_cache.py). Then one call tries again.
"""

import functools
import logging
import time

from django.conf import settings

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

# A child of "core.cache": not limited by that logger's once-a-minute filter (core/apps.py),
# which is for django-redis's record of every ignored error.
logger = logging.getLogger("core.cache.breaker")

DEFAULT_SECONDS = 5.0
# The commands this project's code, Wagtail and Django call on the cache (get_or_set and
# the like are made of these).
COMMANDS = (
    "get",
    "set",
    "add",
    "delete",
    "delete_many",
    "delete_pattern",
    "get_many",
    "set_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "expire",
    "ttl",
    "persist",
    "clear",
    "keys",
    "iter_keys",
)


class Breaker:
    """Open (not asking) until `open_until`. One per Redis location and process, like the
    connection pool."""

    def __init__(self):
        self.open_until = 0.0
        self.failing = False  # said once per outage, not at every retry

    def is_open(self):
        return time.monotonic() < self.open_until

    def trip(self):
        if self.is_open():
            return
        seconds = getattr(settings, "CACHE_BREAKER_SECONDS", DEFAULT_SECONDS)
        if not self.failing:
            logger.warning("Cache did not answer: asked again every %s s until it does", seconds)
        self.failing = True
        self.open_until = time.monotonic() + seconds

    def answered(self):
        if self.failing:
            logger.warning("Cache answers again")
        self.failing = False


_breakers = {}


def breaker_for(client):
    return _breakers.setdefault(tuple(client._server), Breaker())


def _guarded(name):
    command = getattr(DefaultClient, name)

    @functools.wraps(command)
    def guarded(self, *args, **kwargs):
        breaker = breaker_for(self)
        if breaker.is_open():
            # What django-redis raises for an unreachable Redis: the cache (with
            # IGNORE_EXCEPTIONS) turns it into a miss or a dropped write.
            raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                "the cache breaker is open"
            )
        try:
            result = command(self, *args, **kwargs)
        except ConnectionInterrupted:
            breaker.trip()
            raise
        breaker.answered()
        return result

    return guarded


class BreakerClient(DefaultClient):
    pass


for _name in COMMANDS:
    setattr(BreakerClient, _name, _guarded(_name))
