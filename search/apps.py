from django.apps import AppConfig
from django.core.signals import request_started


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from core import health

        from . import node, signals
        from .health import search_state

        health.register("search", search_state)

        signals.connect_indexed_models()
        signals.connect_synonyms()
        # Each request may ask the search node once (search/node.py).
        request_started.connect(node.new_request, dispatch_uid="search-node-new-request")
