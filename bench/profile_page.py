#!/usr/bin/env python
"""Where does a page spend its time? Query count, time in SQL, and a cProfile of one request.

    .venv/bin/python bench/profile_page.py --database-url sqlite:////tmp/owbench/site.sqlite3 \\
        /en/knowledge/russia/ /en/news/?page=3
    # The search page over every query of the relevance set, one profile for all of them
    # (with ELASTICSEARCH_URL, SEARCH_ENGINE=opensearch2 and ELASTICSEARCH_INDEX_PREFIX set,
    # against the node):
    .venv/bin/python bench/profile_page.py --database-url … --reader-searches

Each path is requested in-process with Django's test client (production settings, debug
off), first once to warm caches, then --repeat times timed, then once under cProfile.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import tempfile
import time
import urllib.parse

import djangoenv


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    parser.add_argument(
        "--reader-searches",
        action="store_true",
        help="profile the search page over the relevance set's queries, as one total",
    )
    parser.add_argument("--save", help="also write the profile to this file (pstats format)")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if not args.paths and not args.reader_searches:
        parser.error("give paths or --reader-searches")

    static_root = tempfile.mkdtemp(prefix="objectwar-bench-static-")
    djangoenv.setup(
        args.database_url,
        settings="website.settings.production",
        SECRET_KEY="bench-only-not-secret",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=static_root,
        PAGE_CACHE_SECONDS=os.environ.get("PAGE_CACHE_SECONDS", "0"),
        CONTENT_CACHE_SECONDS=os.environ.get("CONTENT_CACHE_SECONDS", "3600"),
    )
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    if args.reader_searches:
        profile_searches(client, args.top, args.save)
    for path in args.paths:
        assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as context:
            client.get(path)
        queries = list(context.captured_queries)  # a live view of the log: copy it now
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        profile = cProfile.Profile()
        profile.runcall(client.get, path)
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).strip_dirs()
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        print(f"=== {path}")
        print(
            f"median {statistics.median(times):.1f} ms (fastest {min(times):.1f}, "
            f"quartiles {' / '.join(f'{q:.1f}' for q in statistics.quantiles(times))}) "
            f"over {args.repeat} requests; "
            f"{len(queries)} queries, {sql_ms:.1f} ms in SQL"
        )
        print("slowest queries:")
        for query in sorted(queries, key=lambda q: -float(q["time"]))[:5]:
            print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")
        print(out.getvalue())


def profile_searches(client, top, save=None):
    """Every reader query once to warm the caches, then once timed and profiled."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search_bench import reader_paths

    paths = reader_paths()
    for path in paths:
        assert client.get(path).status_code == 200, path
    plain = []  # without the profiler: which searches are slow, and how slow
    for path in paths:
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            client.get(path)
            plain.append(((time.perf_counter() - started) * 1000, len(context), path))
    ordered = sorted(ms for ms, _n, _path in plain)
    print(
        f"=== {len(paths)} reader searches (no profiler): median "
        f"{statistics.median(ordered):.1f} ms, p95 {ordered[round(0.95 * (len(ordered) - 1))]:.1f}"
        f" ms; slowest:"
    )
    for ms, count, path in sorted(plain, reverse=True)[:12]:
        print(f"  {ms:6.1f} ms  {count:2d} queries  {urllib.parse.unquote(path)}")
    times, query_counts = [], []
    profile = cProfile.Profile()
    for path in paths:
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            profile.runcall(client.get, path)
            times.append((time.perf_counter() - started) * 1000)
        query_counts.append(len(context.captured_queries))
    if save:
        profile.dump_stats(save)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    print(out.getvalue())
    print(
        f"=== {len(paths)} reader searches (under cProfile): median {statistics.median(times):.1f}"
        f" ms, slowest {max(times):.1f} ms; queries per search: median "
        f"{statistics.median(query_counts)}, most {max(query_counts)}"
    )


if __name__ == "__main__":
    main()
