"""Wagtail's elasticsearch8 backend, with the breaker, the fallback and two timeouts (__init__)."""

from modelsearch.backends import elasticsearch8

from . import resilient

SearchBackend = resilient(elasticsearch8.SearchBackend)
