"""Counters behind the site's limits (signatures an hour, wrong page passwords), shared by
the workers through the cache and kept in each worker's memory as well.

While Redis is unreachable the cache counts nothing and answers nothing (django-redis
ignores the errors: core/cache_config.py), and a limit kept only there is no limit: a script
tried page passwords at 75 a second. The worker's own count still stops it then, per worker
(a few times the limit over all workers, not unlimited). With Redis up the shared count is
the larger one: it counts every worker's requests.

Only counts are kept, under the callers' keys (hashes where a key stems from a client).
"""

import threading
import time

from django.core.cache import cache

# Bounds the memory a flood of distinct keys (clients) can take in one worker.
MAX_LOCAL_KEYS = 10_000

_local = {}  # key: [window's end (time.monotonic()), count]
_lock = threading.Lock()


def count(key):
    """The count of `key` in its current window (0 when none)."""
    shared = cache.get(key) or 0
    with _lock:
        entry = _local.get(key)
        local = entry[1] if entry and entry[0] > time.monotonic() else 0
    return max(shared, local)


def increment(key, window):
    """Count one more for `key`, in a window of `window` seconds from its first count;
    returns the count."""
    local = _increment_local(key, window)
    if cache.add(key, 1, window):
        shared = 1
    else:
        try:
            shared = cache.incr(key)  # None, not a count, while Redis is away
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
            shared = 1
    return max(shared or 0, local)


def _increment_local(key, window):
    now = time.monotonic()
    with _lock:
        entry = _local.get(key)
        if entry is None or entry[0] <= now:
            if len(_local) >= MAX_LOCAL_KEYS:
                _prune(now)
            entry = _local[key] = [now + window, 0]
        entry[1] += 1
        return entry[1]


def _prune(now):
    """Drop the ended windows; when every window is current, the one ending first."""
    for key in [k for k, (end, _count) in _local.items() if end <= now]:
        del _local[key]
    if len(_local) >= MAX_LOCAL_KEYS:
        del _local[min(_local, key=lambda k: _local[k][0])]


def reset():
    """Forget this worker's counts (tests)."""
    with _lock:
        _local.clear()
