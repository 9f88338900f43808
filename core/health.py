"""`/healthz` for load balancers and monitoring: is the database up, are the other
services up?

200 while the database answers, 503 when it does not. A service an app registers
(`register`: the search app registers its node, search/health.py) is reported by name; one
that is "down" makes the status "degraded", not 503, because the app serves readers without
it (search falls back to the database). Never cached, no cookies.
"""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# {name: callable returning a state string, "down" when it fails}, filled in AppConfig.ready
_services = {}


def register(name, state):
    """Report `state()` under `name` in /healthz."""
    _services[name] = state


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer")
        return "down"
    return "ok"


@never_cache
def healthz(request):
    database = database_state()
    services = {name: state() for name, state in _services.items()}
    if database != "ok":
        status = "down"
    elif "down" in services.values():
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "database": database, **services},
        status=200 if database == "ok" else 503,
    )
