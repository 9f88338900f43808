"""Wagtail's opensearch2 backend, with the breaker, the fallback and two timeouts (__init__)."""

from modelsearch.backends import opensearch2

from . import resilient

SearchBackend = resilient(opensearch2.SearchBackend)
