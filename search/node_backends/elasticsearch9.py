"""Wagtail's elasticsearch9 backend, with the breaker, the fallback and two timeouts (__init__)."""

from modelsearch.backends import elasticsearch9

from . import resilient

SearchBackend = resilient(elasticsearch9.SearchBackend)
