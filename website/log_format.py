"""Production logs: one JSON object per line, with client addresses removed.

The project promises not to keep readers' addresses; a library that logs one (gunicorn's
"Invalid request from ip=…", django-axes, a proxy header in an error) must not leak it
into the logs either, so every message passes through `without_addresses`.
"""

import ipaddress
import json
import logging
import re

# Anything that might be an address; `ipaddress` decides (times and versions are not).
CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?![\w.:])")


def _hide_address(match):
    text = match.group()
    # "ip=127.0.0.1: bad request", "from ::1." — punctuation after the address stays.
    for end in (len(text), len(text) - 1):
        try:
            ipaddress.ip_address(text[:end])
        except ValueError:
            continue
        return "[address]" + text[end:]
    return text


def without_addresses(text):
    return CANDIDATE.sub(_hide_address, text)


class JsonLinesFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": without_addresses(record.getMessage()),
        }
        if record.exc_info:
            entry["exception"] = without_addresses(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class AddressFilter(logging.Filter):
    """For handlers with another formatter (gunicorn's error log): scrub in place."""

    def filter(self, record):
        record.msg = without_addresses(record.getMessage())
        record.args = ()
        return True
