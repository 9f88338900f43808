#!/usr/bin/env python
"""Search benchmark: index build time and query latency of one Wagtail search backend.

    # Wagtail's database backend on SQLite, then on PostgreSQL:
    .venv/bin/python bench/search_bench.py --database-url sqlite:////tmp/owbench/search.sqlite3
    .venv/bin/python bench/search_bench.py \\
        --database-url postgres://postgres@127.0.0.1:55432/objectwar_bench_search
    # OpenSearch (Wagtail's opensearch2 backend), indexes under a private prefix, deleted after:
    .venv/bin/python bench/search_bench.py --database-url … --node http://127.0.0.1:9200

Builds a corpus first if the database lacks it: the demo content plus --pages news items
per language in five languages (bench/sitegen.py; --pages 500 for a quick run). Then times
`manage.py update_index` for the backend (documents/s), and --queries searches of one or two
words from the corpus's vocabulary, spread over the five languages, each through
`backend.search(query, live pages of that language)` taking the first ten results.
Only Wagtail's public search API is used, so changes to the project's routing do not matter.
"""

import argparse
import io
import random
import statistics
import time
import uuid

import djangoenv


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ensure_corpus(pages_per_language):
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


def indexed_documents():
    from wagtail.search.index import get_indexed_models

    return sum(model.get_indexed_objects().count() for model in get_indexed_models())


def queries(count, seed=11):
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--pages", type=int, default=5000, help="news items per language")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--node", help="an OpenSearch 2 node, e.g. http://127.0.0.1:9200")
    args = parser.parse_args()

    prefix = f"bench{uuid.uuid4().hex[:8]}_"
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

    ensure_corpus(args.pages)
    backend = get_search_backend("default")
    engine = f"{type(backend).__module__} on {args.node or connection.vendor}"
    try:
        documents = indexed_documents()
        started = time.perf_counter()
        call_command("update_index", backend_name="default", stdout=io.StringIO())
        index_seconds = time.perf_counter() - started
        print(
            f"index build: {index_seconds:.1f} s, {documents / index_seconds:.0f} documents/s",
            flush=True,
        )

        timings, hits = [], 0
        for locale, query in queries(args.queries):
            pages = Page.objects.live().filter(locale=locale)
            started = time.perf_counter()
            found = list(backend.search(query, pages)[:10])
            timings.append((time.perf_counter() - started) * 1000)
            hits += bool(found)
            if len(timings) % 20 == 0:
                print(f"{len(timings)} queries, p50 so far {statistics.median(timings):.0f} ms")
    finally:
        if args.node:
            backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)

    print(f"\n{engine}")
    print(f"pages: {Page.objects.count()}, indexed documents: {documents}")
    print(
        f"index build: {index_seconds:.1f} s, {documents / index_seconds:.0f} documents/s; "
        f"{len(timings)} queries: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, {hits} with results"
    )


if __name__ == "__main__":
    main()
