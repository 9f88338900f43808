"""Production logs: one JSON object per line, with client addresses and query strings removed.

The project promises not to keep readers' addresses nor what they searched for; a library
that logs either (gunicorn's "Invalid request from ip=…: Invalid HTTP request line: 'GET
/ru/search/?q=…'", its worker-timeout "Error handling request /…?q=…", django-axes, a proxy
header in an error) must not leak it into the logs, so every message passes through
`private`. A rejected Host header is logged as one line, without the traceback Django adds.
"""

import ipaddress
import json
import logging
import re

# Anything that might be an address; `ipaddress` decides (times and versions are not).
CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?![\w.:])")


# A path (or URL) with a query string: the query is what a reader searched or chose.
QUERY = re.compile(r"((?:https?://)?[^\s'\"?]*/[^\s'\"?]*)\?[^\s'\"]*")


def _is_address(text):
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True


def _hide_address(match):
    text = match.group()
    # "ip=127.0.0.1: bad request", "from ::1.", "203.0.113.7:51234" (with its port): the
    # longest start that is an address goes; what follows (punctuation, a port) stays.
    for end in range(len(text), 2, -1):
        if _is_address(text[:end]):
            return "[address]" + text[end:]
    return text


def without_addresses(text):
    return CANDIDATE.sub(_hide_address, text)


def without_queries(text):
    return QUERY.sub(r"\1?[query]", text)


def private(text):
    return without_addresses(without_queries(text))


class JsonLinesFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": private(record.getMessage()),
        }
        if record.exc_info:
            entry["exception"] = private(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class AddressFilter(logging.Filter):
    """For handlers with another formatter (gunicorn's error log): scrub in place, the
    traceback included."""

    def filter(self, record):
        record.msg = private(record.getMessage())
        record.args = ()
        if record.exc_info:
            record.exc_text = private(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class WithoutTraceback(logging.Filter):
    """One line for an expected refusal (a bad Host header from a scanner), not a traceback."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class OncePerMinute(logging.Filter):
    """Lets one record through a minute: a cache that is away fails on every request, and
    one line a minute says so as well as thousands."""

    seconds = 60

    def __init__(self):
        super().__init__()
        self.last = None

    def filter(self, record):
        if self.last is not None and record.created - self.last < self.seconds:
            return False
        self.last = record.created
        return True
