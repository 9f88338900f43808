"""`/healthz` for load balancers and monitoring: is the database up, is the search node up?

200 while the database answers (a search node that is down only degrades search: the search
view falls back to the database), 503 when the database does not. Never cached, no cookies.
The node is pinged with at most a second's timeout and not at all while its breaker is open
(search/node.py): readers are being served from the database then, so search is "down".
"""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from wagtail.search.backends import get_search_backend

from search import node

logger = logging.getLogger(__name__)


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer")
        return "down"
    return "ok"


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


@never_cache
def healthz(request):
    database = database_state()
    search = search_state()
    if database != "ok":
        status = "down"
    elif search == "down":
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "database": database, "search": search},
        status=200 if database == "ok" else 503,
    )
