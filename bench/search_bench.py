#!/usr/bin/env python
"""Search benchmark: index build time, backend query latency and the search page end to end.

    # Wagtail's database backend on PostgreSQL (or SQLite):
    python bench/search_bench.py \\
        --database-url postgres://postgres@127.0.0.1:55432/objectwar_bench_search
    # The search node (opensearch2), indexes under a private prefix, deleted after:
    python bench/search_bench.py --database-url … --node http://127.0.0.1:9200

1. Corpus: the demo content plus --pages news items per language in five languages
   (bench/sitegen.py, in bulk; default 5,000 per language, 25,000 pages), then
   `manage.py rebuild_search_indexes` (database index, each language's node index, the
   vocabulary), timed.
2. Backend: --queries searches of one or two words of the corpus through
   `backend.search()` (Wagtail's API only), p50/p95.
3. The search page end to end (--page-seconds > 0): gunicorn with production settings and
   2 workers (bench/server.py), the content cache on and the page cache off (the search
   page is never cached whole). Queries as readers type them (tests/search_relevance.py:
   questions, typos, Latin letters, abbreviations, article numbers, in five languages):
   p50/p95 of one request at a time over HTTP; then wrk with 8 connections over the same
   URLs (requests/s, p50/p99) against wrk on a static file of the same gunicorn.
"""

import argparse
import io
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request
import uuid

import djangoenv


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ensure_corpus(pages_per_language):
    """Demo content and bulk news; True when pages were added (indexes must be rebuilt)."""
    from django.core.management import call_command

    from sitegen import generate

    from news.models import NewsPage

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", stdout=io.StringIO())
    existing = NewsPage.objects.filter(
        locale__language_code="en", slug__startswith="bulk-news-"
    ).count()
    if existing < pages_per_language:
        result = generate(news=pages_per_language - existing, guides=0, index=False, log=print)
        print(f"corpus: {result['pages']} pages in {result['seconds']:.0f} s")
        return True
    return False


def indexed_documents():
    from wagtail.search.index import get_indexed_models

    return sum(model.get_indexed_objects().count() for model in get_indexed_models())


def backend_queries(count, seed=11):
    """[(locale, query)]: one or two words of the corpus, languages in turn."""
    from wagtail.models import Locale

    from sitegen import vocabulary

    rand = random.Random(seed)
    locales = list(Locale.objects.order_by("language_code"))
    words = {locale.pk: vocabulary(locale) for locale in locales}
    chosen = []
    for i in range(count):
        locale = locales[i % len(locales)]
        chosen.append((locale, " ".join(rand.sample(words[locale.pk], k=1 + i % 2))))
    return chosen


def reader_paths():
    """Search page paths for the relevance set's queries (what readers type)."""
    sys.path.insert(0, str(djangoenv.PROJECT_DIR))
    from tests.search_relevance import RELEVANCE_SET

    return [
        f"/{language}/search/?" + urllib.parse.urlencode({"q": query})
        for language, _kind, query, _expected in RELEVANCE_SET
    ]


def page_benchmark(args, environment):
    import wrk
    from server import Server

    paths = reader_paths()
    env = {"PAGE_CACHE_SECONDS": 0, "CONTENT_CACHE_SECONDS": 300, **environment}
    if args.redis:
        env["REDIS_URL"] = args.redis
    with Server(args.database_url, **env) as server:
        # Warm up: the lookups (each worker's own without Redis, so twice) and the node's
        # caches.
        for path in paths * 2:
            urllib.request.urlopen(server.url(path), timeout=30).read()  # noqa: S310
        timings = []
        cpu_before = server.cpu_seconds()
        for _round in range(args.page_rounds):
            for path in paths:
                started = time.perf_counter()
                with urllib.request.urlopen(server.url(path), timeout=30) as response:  # noqa: S310
                    response.read()
                    assert response.status == 200, path
                timings.append((time.perf_counter() - started) * 1000)
        cpu = (server.cpu_seconds() - cpu_before) / len(timings) * 1000
        search = wrk.run([server.url(p) for p in paths], seconds=args.page_seconds)
        static = wrk.run(server.url("/static/search/suggest.js"), seconds=args.page_seconds)
    return {
        "requests": len(timings),
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "cpu": cpu,
        "wrk": search,
        "static": static,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--pages", type=int, default=5000, help="news items per language")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--node", help="an OpenSearch 2 node, e.g. http://127.0.0.1:9200")
    parser.add_argument(
        "--index-prefix", help="reuse the node indexes of an earlier run (kept after it)"
    )
    parser.add_argument(
        "--skip-rebuild", action="store_true", help="the indexes are up to date: time searches"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the indexes even with --index-prefix"
    )
    parser.add_argument(
        "--redis",
        help="REDIS_URL for the server's cache, as in production (shared by its workers); "
        "without it each worker fills its own",
    )
    parser.add_argument("--page-rounds", type=int, default=2, help="passes over the queries")
    parser.add_argument("--page-seconds", type=int, default=15, help="wrk duration; 0: skip")
    args = parser.parse_args()

    prefix = args.index_prefix or f"bench{uuid.uuid4().hex[:8]}_"
    environment = {}
    if args.node:
        environment = {
            "ELASTICSEARCH_URL": args.node,
            "SEARCH_ENGINE": "opensearch2",
            "ELASTICSEARCH_INDEX_PREFIX": prefix,
        }
    djangoenv.setup(args.database_url, **environment)
    from django.core.management import call_command
    from django.db import connection

    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search import routing

    added = ensure_corpus(args.pages)
    engine = f"{'node ' + args.node if args.node else connection.vendor}"
    documents = indexed_documents()
    index_seconds = None
    try:
        if added or args.rebuild or not (args.index_prefix or args.skip_rebuild):
            started = time.perf_counter()
            call_command("rebuild_search_indexes", stdout=io.StringIO())
            index_seconds = time.perf_counter() - started
            print(f"rebuild_search_indexes: {index_seconds:.0f} s", flush=True)

        timings, hits = [], 0
        for locale, query in backend_queries(args.queries):
            backend_name = routing.backend_name_for(locale.language_code)
            pages = Page.objects.live().filter(locale=locale)
            started = time.perf_counter()
            found = list(get_search_backend(backend_name).search(query, pages)[:10])
            timings.append((time.perf_counter() - started) * 1000)
            hits += bool(found)
        page = page_benchmark(args, environment) if args.page_seconds else None
    finally:
        if args.node and not args.index_prefix:
            backend = get_search_backend("default")
            backend.index_es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)

    print(f"\n{engine}: {Page.objects.count()} pages, {documents} indexed documents")
    if index_seconds is not None:
        print(f"rebuild_search_indexes: {index_seconds:.0f} s")
    print(
        f"backend, {len(timings)} queries of corpus words: p50 {statistics.median(timings):.1f} "
        f"ms, p95 {percentile(timings, 0.95):.1f} ms, {hits} with results"
    )
    if page:
        ratio = page["wrk"]["requests_per_s"] / page["static"]["requests_per_s"]
        print(
            f"search page, {page['requests']} requests one at a time (reader queries): "
            f"p50 {page['p50']:.1f} ms, p95 {page['p95']:.1f} ms, "
            f"CPU {page['cpu']:.1f} ms per request"
        )
        print(
            f"search page, wrk 8 connections: {page['wrk']['requests_per_s']:.0f} req/s, "
            f"p50 {page['wrk']['p50_ms']:.1f} ms, p99 {page['wrk']['p99_ms']:.1f} ms, "
            f"failed {page['wrk']['failed']}; static file: "
            f"{page['static']['requests_per_s']:.0f} req/s; ratio {ratio:.3f}"
        )


if __name__ == "__main__":
    main()
