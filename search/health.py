"""The search node's state for /healthz (core/health.py).

The node is pinged with at most a second's timeout and not at all while its breaker is open
(search/node.py): readers are being served from the database then, so search is "down".
"""

import logging

from wagtail.search.backends import get_search_backend

from . import node

logger = logging.getLogger(__name__)


def search_state():
    backend = get_search_backend("default")
    if getattr(backend, "es", None) is None:  # no Elasticsearch/OpenSearch client
        return "database backend"
    if not node.available():
        return "down"
    if node.ping(backend):
        return "ok"
    logger.warning("Health check: the search node does not answer")
    node.record_failure()
    return "down"
