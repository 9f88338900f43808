"""Whether readers' requests may ask the search node, and what happens when it fails.

A node that accepts connections and never answers used to hold every search for the full
client timeout, once per language asked, until gunicorn killed the worker. Now:

- each reader request asks the node at most once: after a failure, the rest of the request
  (other languages, suggestions, counts) goes straight to the database fallback;
- a failure opens a circuit breaker for SEARCH_NODE_COOLDOWN_SECONDS: no request asks the
  node until it runs out; the next one then tries again. The breaker lives in Django's cache
  (shared by every gunicorn worker with Redis) and in this process's memory, so it also works
  with the local-memory cache (per worker) and while Redis is down (its reads then miss).

Index updates never come through here: they wait in the queue (search/indexing.py).
"""

import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

CACHE_KEY = "search:node-down-until"
# A /healthz ping never waits longer than this, whatever ELASTICSEARCH_TIMEOUT says.
PING_TIMEOUT = 1.0

_failed_in_request = contextvars.ContextVar("search_node_failed_in_request", default=False)
# Whether this request has read the shared breaker: once is enough (a search asked up to
# three times, each a round trip to Redis); what it said is in _down_until.
_shared_read = contextvars.ContextVar("search_node_shared_read", default=False)
_down_until = 0.0  # this process's copy of the breaker (time.time() when it closes)


class NodeUnavailable(Exception):
    """The node was not asked (breaker open, or it failed earlier in this request)."""


def cooldown():
    return getattr(settings, "SEARCH_NODE_COOLDOWN_SECONDS", 30)


def available():
    """May this request ask the node? False after a failure in this request or while the
    breaker is open."""
    if _failed_in_request.get():
        return False
    global _down_until
    now = time.time()
    if _down_until > now:
        return False
    if _shared_read.get():
        return True
    _shared_read.set(True)
    try:
        shared = cache.get(CACHE_KEY)
    except Exception:  # a cache that fails must not take search down with it
        shared = None
    if isinstance(shared, int | float) and shared > now:
        _down_until = shared  # another worker's failure: kept here until it runs out
        return False
    return True


def is_outage(error):
    """Whether `error` says the node cannot serve (so the breaker opens) rather than that it
    refused this one query (4xx: a bad query is no reason to stop asking the node)."""
    if isinstance(error, NodeUnavailable):
        return True
    status = getattr(error, "status_code", None)
    return not (isinstance(status, int) and 400 <= status < 500 and status not in (408, 429))


def record_failure(error=None):
    """Note that asking the node failed; returns whether that counts as an outage."""
    if error is not None and not is_outage(error):
        return False
    global _down_until
    _failed_in_request.set(True)
    seconds = cooldown()
    if seconds > 0:
        until = time.time() + seconds
        if _down_until <= time.time():
            logger.warning(
                "Search node unavailable (%s); using the database for %s s",
                type(error).__name__ if error is not None else "no answer",
                seconds,
            )
        _down_until = until
        try:
            cache.set(CACHE_KEY, until, timeout=seconds)
        except Exception:  # the local copy still protects this worker
            logger.warning("Could not share the search breaker through the cache", exc_info=True)
    return True


def new_request(**kwargs):
    """A new request (or a new round of a long-running command) may ask the node again,
    unless the breaker is open. Connected to Django's request_started (search/apps.py)."""
    _failed_in_request.set(False)
    _shared_read.set(False)


def reset():
    """Forget every failure (tests)."""
    global _down_until
    _down_until = 0.0
    _failed_in_request.set(False)
    _shared_read.set(False)
    cache.delete(CACHE_KEY)


def ping(backend, timeout=PING_TIMEOUT):
    """True if the node behind `backend` answers within `timeout` seconds."""
    client = backend.es
    timeout = min(timeout, getattr(backend, "timeout", timeout) or timeout)
    try:
        if hasattr(client, "options"):  # elasticsearch 8/9
            return bool(client.options(request_timeout=timeout).ping())
        return bool(client.ping(request_timeout=timeout))  # opensearch-py
    except Exception:
        return False


def describe(error):
    """What a log line may say about a failed search: the kind of error and the node's status,
    never its message (an engine's error message can quote what the reader searched for)."""
    status = getattr(error, "status_code", None)
    return f"{type(error).__name__}" + (f" (status {status})" if status else "")
