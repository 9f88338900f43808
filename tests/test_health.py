"""/healthz: the database decides 200 or 503; a search node that is down only degrades."""

import socket

from django.conf import settings

import pytest


def unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db
def test_reports_the_configured_search_engine(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    expected = "ok" if settings.ELASTICSEARCH_URL else "database backend"
    assert response.json() == {"status": "ok", "database": "ok", "search": expected}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_search_node_down_is_degraded_not_fatal(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{unused_port()}"],
            "TIMEOUT": 2,
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "search": "down"}


def test_is_outside_the_language_prefix(client, db):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200  # not redirected to /de/healthz
