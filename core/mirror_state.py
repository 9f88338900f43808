"""Whether the current rendering is for a mirror copy.

Set by the exporter around its own requests (a context variable in the export process),
never by anything a reader sends: a request header would let anyone ask the live site for
the mirror variant of a page, and the page cache could keep it for everyone.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

_current = contextvars.ContextVar("mirror_export", default=None)


@dataclass(frozen=True)
class MirrorExport:
    made_on: date
    main_site_url: str  # e.g. "https://objectwar.example.org" (no trailing slash)


def current():
    """The export in progress in this context, or None on the live site."""
    return _current.get()


@contextmanager
def exporting(export):
    token = _current.set(export)
    try:
        yield export
    finally:
        _current.reset(token)
