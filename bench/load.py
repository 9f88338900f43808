#!/usr/bin/env python
"""Load test: requests/s and p50/p99 latency of the main kinds of page under gunicorn.

    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:55432/objectwar_bench

For each of home page, a country profile (English and Russian), news index page 3, the
latest news item, an appeal and a search:
  - "server time": wrk with 1 connection, p50 (one request at a time, so the latency is the
    time the server takes);
  - throughput: wrk with 8 connections, requests/s, p50 and p99;
in three modes:
  - "no cache": page cache and content cache off, every lookup asks the database (what the
    first reader after a publish would get if there were no content cache at all);
  - "cold": page cache off, content cache on (core/content_cache.py: site, routes,
    settings, language versions, filters kept until the next publish) — a page that is
    not in the page cache, e.g. the first visit after a publish;
  - "warm": page cache on (PAGE_CACHE_SECONDS=300);
then a sustained run of --sustained seconds over all these pages with no cache at all,
counting failed requests (non-2xx/3xx and socket errors). Prints a Markdown table.
gunicorn runs with 2 workers on 127.0.0.1 (bench/server.py); wrk runs on the same machine.
"""

import argparse
import json
import os
import subprocess
import time
from datetime import UTC, datetime

import djangoenv
import wrk
from server import Server


def pages():
    """Paths of the pages to measure, looked up in the bench database."""
    from wagtail.models import Locale

    from campaign.models import AppealPage
    from knowledge.models import CountryProfilePage
    from news.models import NewsPage

    profile = CountryProfilePage.objects.live().filter(locale__language_code="en").first()
    russian = profile.get_translation_or_none(Locale.objects.get(language_code="ru"))
    appeal = AppealPage.objects.live().filter(locale__language_code="en").first()
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    return {
        "home": "/en/",
        "country profile": profile.get_url(),
        # Most readers read Russian: plural forms, Cyrillic dates, a longer catalogue.
        "country profile (ru)": russian.get_url(),
        "news index page 3": "/en/news/?page=3",
        "news item": news.get_url(),
        "appeal": appeal.get_url(),
        "search": "/en/search/?q=conscientious+objection",
    }


def measure(server, paths, seconds):
    rows = {}
    for name, path in paths.items():
        url = server.url(path)
        wrk.run(url, connections=2, seconds=2)  # warm up workers and connections
        cpu = server.cpu_seconds()
        single = wrk.run(url, connections=1, threads=1, seconds=seconds)
        cpu_ms = (server.cpu_seconds() - cpu) * 1000 / max(single["requests"], 1)
        loaded = wrk.run(url, connections=8, seconds=seconds)
        rows[name] = {"server_p50_ms": single["p50_ms"], "cpu_ms": cpu_ms, **loaded}
    return rows


def table(results):
    lines = [
        "| page | cache | server time p50 (1 conn) | CPU per request | req/s (8 conn) "
        "| p50 | p99 | failed |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, rows in results.items():
        for name, r in rows.items():
            lines.append(
                f"| {name} | {mode} | {r['server_p50_ms']:.1f} ms | {r['cpu_ms']:.1f} ms "
                f"| {r['requests_per_s']:.0f} | "
                f"{r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms | {r['failed']} |"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=int, default=10, help="per measurement (default 10)")
    parser.add_argument("--sustained", type=int, default=60, help="sustained run (default 60)")
    parser.add_argument("--cache-seconds", type=int, default=300, help="PAGE_CACHE_SECONDS warm")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--modes", default="no cache,cold,warm", help="comma-separated subset of the modes"
    )
    args = parser.parse_args()

    djangoenv.setup(args.database_url)
    paths = pages()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=djangoenv.PROJECT_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    started, load_before = datetime.now(UTC), os.getloadavg()
    results, sustained = {}, None
    modes = {
        "no cache": {"PAGE_CACHE_SECONDS": 0, "CONTENT_CACHE_SECONDS": 0},
        "cold": {"PAGE_CACHE_SECONDS": 0, "CONTENT_CACHE_SECONDS": 3600},
        "warm": {"PAGE_CACHE_SECONDS": args.cache_seconds, "CONTENT_CACHE_SECONDS": 3600},
    }
    chosen = [mode.strip() for mode in args.modes.split(",")]
    for mode in chosen:
        with Server(args.database_url, port=args.port, **modes[mode]) as server:
            results[mode] = measure(server, paths, args.seconds)
            if mode == chosen[0] and args.sustained:
                urls = [server.url(p) for p in paths.values()]
                sustained = wrk.run(urls, connections=8, seconds=args.sustained)
    print(f"\n{started:%Y-%m-%d %H:%M} UTC, commit {commit}, {args.database_url.split('://')[0]}")
    print(f"load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f}")
    for name, path in paths.items():
        print(f"- {name}: {path}")
    print()
    print(table(results))
    if sustained:
        print(
            f"\nSustained {args.sustained} s, 8 connections, all {len(paths)} pages, {chosen[0]}: "
            f"{sustained['requests']} requests, {sustained['requests_per_s']:.0f} req/s, "
            f"p99 {sustained['p99_ms']:.1f} ms, failed {sustained['failed']} "
            f"({sustained['non_2xx_3xx']} non-2xx/3xx, {sustained['socket_errors']} socket "
            "errors or timeouts over 10 s)"
        )
    if args.json:
        with open(args.json, "w") as out:
            json.dump(
                {
                    "date": started.isoformat(),
                    "commit": commit,
                    "paths": paths,
                    "results": results,
                    "sustained": sustained,
                    "time": time.time(),
                },
                out,
                indent=2,
            )


if __name__ == "__main__":
    main()
