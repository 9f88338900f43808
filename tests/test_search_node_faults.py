"""The search node stops in the middle of a run: search keeps answering from the database,
publishing keeps working, and the node's indexes catch up afterwards with nothing lost.

Starts a private node of its own (so the shared one keeps serving the other tests), with
.ci/start-search-node, which needs Java and Maven: runs when ELASTICSEARCH_URL is set,
like the other tests that need a node (CI's third pass).
"""

import io
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page

import pytest

from demo.data import guide, translation
from search.backend_settings import search_backends
from search.models import PendingIndexUpdate

# The Russian title of the guide on ignored electronic summonses (demo/data).
SUMMONS_GUIDE_RU = translation("ru", guide("ignored-electronic-summons")["title"])

ROOT = Path(__file__).resolve().parent.parent
PORT = "9207"
URL = f"http://127.0.0.1:{PORT}"

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="needs Java and the search node build: set ELASTICSEARCH_URL (CI's third pass)",
    ),
    pytest.mark.django_db,
]


@pytest.fixture(scope="module")
def node_control():
    """start() and stop() a private node on PORT that keeps its data across restarts."""
    state = tempfile.mkdtemp(prefix="objectwar-fault-node-")
    env = {**os.environ, "SEARCH_NODE_STATE": state, "SEARCH_NODE_KEEP_DATA": "1"}

    def run(script):
        subprocess.run(
            [str(ROOT / ".ci" / script), PORT],
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    class Control:
        def start(self):
            run("start-search-node")

        def stop(self):
            run("stop-search-node")

    control = Control()
    control.start()
    yield control
    control.stop()
    shutil.rmtree(state, ignore_errors=True)


def search_page(client, query):
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_node_stopped_mid_run(node_control, settings, client, django_capture_on_commit_callbacks):
    backends = search_backends(
        URL,
        ["en", "de", "ru", "uk", "be"],
        engine="opensearch2",
        index_prefix=f"fault{uuid.uuid4().hex[:6]}_",
        timeout=20,
    )
    backends["fallback"] = {"BACKEND": "search.database"}
    settings.WAGTAILSEARCH_BACKENDS = backends
    # The failure below opens the breaker (search/node.py); restarting the node takes longer.
    settings.SEARCH_NODE_COOLDOWN_SECONDS = 3
    call_command("rebuild_search_indexes", stdout=io.StringIO())

    # Node up: answers come from the node.
    html = search_page(client, "повестки")
    assert SUMMONS_GUIDE_RU in html
    assert "search-degraded" not in html

    node_control.stop()

    # Node down at query time: the database answers, with a notice, no error page.
    html = search_page(client, "повестки")
    assert SUMMONS_GUIDE_RU in html
    assert "search-degraded" in html

    # Node down at publish time: publishing succeeds and the update is queued.
    page = Page.objects.get(locale__language_code="ru", slug="russia").specific
    page.introduction = "Квазиконтрольное слово для проверки. " + page.introduction
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and page.introduction.startswith("Квазиконтрольное")
    assert PendingIndexUpdate.objects.filter(backend="ru", object_id=page.pk).exists()

    node_control.start()

    # Back up: the queued update is applied and, once the breaker has closed, the node finds
    # the new text.
    out = io.StringIO()
    call_command("rebuild_search_indexes", pending=True, stdout=out)
    assert "0 still pending" in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()
    from wagtail.search.backends import get_search_backend

    get_search_backend("ru").get_index_for_model(Page).refresh()
    html = search_page(client, "квазиконтрольное")
    assert "search-degraded" not in html
    assert "Россия" in html
