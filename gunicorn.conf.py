"""gunicorn settings for production: `gunicorn` in the project directory reads this file.

Every value can be overridden from the environment (GUNICORN_* below) or gunicorn's own
GUNICORN_CMD_ARGS. The access log has no client address, query string, referrer or user agent:
readers' searches and addresses must not end up in logs.
"""

import gc
import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gunicorn.glogging import Logger  # noqa: E402

from core.log_format import AddressFilter  # noqa: E402

wsgi_app = "website.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Synchronous workers behind a buffering proxy (nginx); the usual 2 × CPUs + 1.
workers = int(
    os.environ.get("GUNICORN_WORKERS")
    or os.environ.get("WEB_CONCURRENCY")
    or multiprocessing.cpu_count() * 2 + 1
)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request still running after this many seconds is stopped (and its worker restarted).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Workers are recycled now and then (a guard against slow leaks); the application is loaded
# once in the master and forked, so a recycled worker answers at once instead of importing
# Django for ~2 s while its requests wait (that showed as 2 s p99 spikes under load).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in ("1", "true", "yes")
# A recycled worker starts with an empty cache unless the cache is shared (REDIS_URL).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = 5000
# The proxy on the same machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn 27's control socket (gunicornc) is one file per user by default, so two servers of
# one user would share it: off unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# key=value, one request a line: time, method, path without query string, status, bytes, ms.
access_log_format = (
    'time=%(t)s method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s'
)


class PrivateLogger(Logger):
    """gunicorn's error log names the client address of a malformed request; hide it."""

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.addFilter(AddressFilter())


logger_class = PrivateLogger


def post_worker_init(worker):
    """Once the worker has loaded Django, Wagtail and the site: move the ~170,000 objects
    they allocated to the garbage collector's permanent generation, so that its full
    passes stop walking them on every few requests (about 15 % of a page's CPU time in
    bench/profile_page.py measurements; see docs/benchmarks.md)."""
    gc.freeze()
