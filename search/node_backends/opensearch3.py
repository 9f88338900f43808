"""Wagtail's opensearch3 backend, with the breaker, the fallback and two timeouts (__init__)."""

from modelsearch.backends import opensearch3

from . import resilient

SearchBackend = resilient(opensearch3.SearchBackend)
