#!/usr/bin/env python
"""Build a large bench site in a separate database and report how fast it was created.

    .venv/bin/python bench/generate_site.py --database-url sqlite:////tmp/objectwar-bench.sqlite3
    .venv/bin/python bench/generate_site.py \\
        --database-url postgres://postgres@127.0.0.1:55432/objectwar_bench --news 2000 --guides 200

Migrates the database, loads the demo content (five languages), then adds the news items
and guides with a translation in every language (bench/sitegen.py).
"""

import argparse
import io
import time

import djangoenv


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a database for benchmarks only")
    parser.add_argument("--news", type=int, default=2000, help="English news items (default 2000)")
    parser.add_argument("--guides", type=int, default=200, help="English guides (default 200)")
    args = parser.parse_args()

    djangoenv.setup(args.database_url)
    from django.core.management import call_command

    from wagtail.models import Page

    from sitegen import generate

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", stdout=io.StringIO())
    print(f"migrate + demo content: {time.perf_counter() - started:.1f} s")
    result = generate(news=args.news, guides=args.guides)
    print(
        f"created {result['pages']} pages in {result['seconds']:.1f} s "
        f"({result['pages'] / max(result['seconds'], 1e-9):.0f} pages/s); "
        f"{Page.objects.count()} pages in the database"
    )
    print(f"search index and vocabulary rebuilt (update_index) in {result['index_seconds']:.1f} s")


if __name__ == "__main__":
    main()
