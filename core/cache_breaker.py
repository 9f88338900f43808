"""django-redis's client with a breaker: after Redis fails to answer, this process leaves it
alone for CACHE_BREAKER_SECONDS instead of waiting for the socket timeout at every call.

A Redis that hangs (a frozen VM, a full disk, SIGSTOP) accepts connections and never
answers. Each cache call then waits SOCKET_TIMEOUT (0.5 s, core/cache_config.py) before
django-redis gives up and misses; a page makes about twenty such calls, so every page took
10 s and a search 5 s. With the breaker only the call that finds Redis gone waits; until the
breaker's time is over every call misses at once, exactly as while Redis is away (reads
miss, writes are dropped). Then the next call tries again. A purge after a publish asks
anyway (`asking_anyway`): other workers may reach Redis and would serve what it purges. A
Redis that answers with an error (out of memory, read-only) does not open the breaker.
"""

import contextlib
import contextvars
import functools
import logging
import time

from django.conf import settings

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

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
)
# Not guarded: iter_keys (a generator: its errors come after the call), lock, the set and
# hash commands, incr_version: nothing here uses them.


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
# Set while a command runs: the commands it is made of (set_many's sets) are not guarded again.
_running = contextvars.ContextVar("cache_breaker_running", default=False)
# Set by `asking_anyway()`: a purge waits for Redis rather than staying owed.
_bypass = contextvars.ContextVar("cache_breaker_bypass", default=False)
# What says Redis is not answering (a Redis that answers with an error is not): the
# exceptions django-redis wraps into ConnectionInterrupted, less ResponseError.
_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)  # OSError: socket timeouts


def breaker_for(client):
    key = tuple(client._server)
    breaker = _breakers.get(key)
    if breaker is None:
        breaker = _breakers.setdefault(key, Breaker())
    return breaker


@contextlib.contextmanager
def asking_anyway():
    """Ask Redis even while the breaker is open (a purge after a publish: worth one timeout,
    as the other workers may reach Redis and serve what the purge was for)."""
    token = _bypass.set(True)
    try:
        yield
    finally:
        _bypass.reset(token)


def _unreachable(error):
    return isinstance(error, _UNREACHABLE) or isinstance(error.__cause__, _UNREACHABLE)


def _guarded(name):
    command = getattr(DefaultClient, name)

    @functools.wraps(command)
    def guarded(self, *args, **kwargs):
        if _running.get():
            return command(self, *args, **kwargs)
        breaker = breaker_for(self)
        if breaker.is_open() and not _bypass.get():
            # What django-redis raises for an unreachable Redis: the cache (with
            # IGNORE_EXCEPTIONS) turns it into a miss or a dropped write.
            raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                "the cache breaker is open"
            )
        token = _running.set(True)
        try:
            result = command(self, *args, **kwargs)
        except ConnectionInterrupted as error:
            if _unreachable(error):
                breaker.trip()
            raise
        except _UNREACHABLE as error:
            # ttl, expire, persist, touch let redis-py's error through: the same as above.
            breaker.trip()
            raise ConnectionInterrupted(connection=None) from error
        finally:
            _running.reset(token)
        breaker.answered()
        return result

    return guarded


class BreakerClient(DefaultClient):
    pass


for _name in COMMANDS:
    setattr(BreakerClient, _name, _guarded(_name))
