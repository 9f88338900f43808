#!/usr/bin/env python
"""Fault test: the search engine goes down, or hangs, while the site is under load.

    .ci/start-search-node 9201      # a private node; never the shared one on 9200
    .venv/bin/python bench/fault_search.py \\
        --database-url postgres://postgres@127.0.0.1:55432/objectwar_bench --node-port 9201 \\
        [--fault hang]

Indexes the database into the node (own index prefix, `rebuild_search_indexes`), runs
gunicorn with the node as search engine, requests pages, searches (one without hits in
English, which also searches the other languages) and /healthz from four threads, and after
--before seconds breaks the node: `--fault stop` stops it with `.ci/stop-search-node`
(connections refused); `--fault hang` freezes its JVM with SIGSTOP (connections accepted,
never answered: the worse case). Pages must keep answering; searches must keep answering
with results from the database fallback and the notice that says so. Prints failed requests
and latencies before and after, one search's answer and the time of one publish in each
phase. The node is left stopped (its data is removed by the stop script).
"""

import argparse
import os
import signal
import subprocess
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import djangoenv
from probe import Prober, phases, summary
from server import Server

NOTICE = "Our main search engine is not reachable right now"
SEARCH = "/en/search/?q=conscientious+objection"
# No English page has it: every other language is searched too.
SEARCH_OTHER_LANGUAGES = "/en/search/?" + urllib.parse.urlencode({"q": "мобилизация"})
PUBLISH = """
import time
from wagtail.models import Page
page = Page.objects.get(locale__language_code="en", slug="russia").specific
started = time.monotonic()
page.save_revision().publish()
print(round((time.monotonic() - started) * 1000))
"""


def search_answer(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
        page = response.read().decode()
        status = response.status
    return {
        "status": status,
        "ms": round((time.monotonic() - started) * 1000),
        "results": page.partition('class="search-results"')[2].count("<h2>"),
        "fallback notice": NOTICE in page,
    }


def publish_ms(env):
    """Milliseconds one publish takes (in a management shell with the server's settings)."""
    done = subprocess.run(
        [djangoenv.PROJECT_DIR / ".venv/bin/python", "manage.py", "shell", "-c", PUBLISH],
        cwd=djangoenv.PROJECT_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def node_pid(port):
    state = Path(os.environ.get("SEARCH_NODE_STATE", f"/tmp/objectwar-search-node-{port}"))  # noqa: S108
    return int((state / "pid").read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--node-port", type=int, default=9201)
    parser.add_argument("--fault", choices=["stop", "hang"], default="stop")
    parser.add_argument("--before", type=float, default=10)
    parser.add_argument("--after", type=float, default=20)
    args = parser.parse_args()
    if args.node_port == 9200:
        parser.error("9200 is the shared node: start your own with .ci/start-search-node 9201")

    node = f"http://127.0.0.1:{args.node_port}"
    search_env = {
        "ELASTICSEARCH_URL": node,
        "SEARCH_ENGINE": "opensearch2",
        "ELASTICSEARCH_INDEX_PREFIX": f"benchfault{uuid.uuid4().hex[:6]}_",
    }
    env = {
        **os.environ,
        **search_env,
        "DATABASE_URL": djangoenv.check_database_url(args.database_url),
        "DEBUG": "false",
    }
    started = time.monotonic()
    subprocess.run(
        [djangoenv.PROJECT_DIR / ".venv/bin/python", "manage.py", "rebuild_search_indexes"],
        cwd=djangoenv.PROJECT_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"indexed into {node} in {time.monotonic() - started:.0f} s")

    pid = node_pid(args.node_port) if args.fault == "hang" else None
    with Server(args.database_url, port=8125, PAGE_CACHE_SECONDS=0, **search_env) as server:
        paths = ["/en/", "/en/knowledge/russia/", SEARCH, SEARCH_OTHER_LANGUAGES, "/healthz"]
        answer_up = search_answer(server.url(SEARCH))
        publish_up = publish_ms(env)
        with Prober([server.url(p) for p in paths], timeout=60) as probe:
            time.sleep(args.before)
            stopping = probe.now()
            if pid:
                os.kill(pid, signal.SIGSTOP)
            else:
                subprocess.run(
                    [djangoenv.PROJECT_DIR / ".ci/stop-search-node", str(args.node_port)],
                    check=True,
                )
            stopped = probe.now()
            time.sleep(args.after)
        answer_down = search_answer(server.url(SEARCH))
        publish_down = publish_ms(env)
    if pid:
        os.kill(pid, signal.SIGCONT)
        subprocess.run(
            [djangoenv.PROJECT_DIR / ".ci/stop-search-node", str(args.node_port)], check=True
        )

    print(f"\nSearch node {'frozen' if pid else 'stopped'} at {stopping:.1f}–{stopped:.1f} s")
    print(f"- a search with the node up: {answer_up}; a publish: {publish_up} ms")
    print(f"- a search with the node down: {answer_down}; a publish: {publish_down} ms")
    before, during, after = phases(probe.results, stopping, stopped)
    for label, chosen in (("node up", before), ("node breaking", during), ("node down", after)):
        for kind, selected in (
            ("pages", [r for r in chosen if "/search/" not in r[1] and "/healthz" not in r[1]]),
            ("search", [r for r in chosen if "/search/" in r[1]]),
            ("healthz", [r for r in chosen if "/healthz" in r[1]]),
        ):
            s = summary(selected)
            print(
                f"- {label}, {kind}: {s['requests']} requests, {s['failed']} failed "
                f"{s['statuses'] or ''}, median {s['median_ms'] or 0:.0f} ms, "
                f"max {s['max_ms'] or 0:.0f} ms"
            )


if __name__ == "__main__":
    main()
