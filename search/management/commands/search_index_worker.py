"""Apply the search index queue continuously: the node learns of every change within seconds.

    manage.py search_index_worker                # until SIGTERM or Ctrl-C
    manage.py search_index_worker --interval 5   # seconds between looks at an empty queue
    manage.py search_index_worker --once         # one pass, then exit (0 even if rows remain)

Run one beside gunicorn wherever ELASTICSEARCH_URL is set (docs/production.md has a systemd
unit). Publishing never waits for the node: it only queues (search/indexing.py). Without
this worker, or `rebuild_search_indexes --pending` from cron, the node's indexes fall behind
(the database fallback does not). Safe to run more than one: an update applied twice is the
same update.
"""

import signal
import threading

from django.core.management.base import BaseCommand

from search import indexing, routing


class Command(BaseCommand):
    help = "Apply queued search index updates continuously (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="Seconds between looks at an empty queue (doubling to 60 while the node fails).",
        )
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")

    def handle(self, *args, interval=2.0, once=False, verbosity=1, **options):
        if not routing.engine_backend_names():
            self.stdout.write("No search node configured (ELASTICSEARCH_URL): nothing to do.")
            return
        if once:
            applied, left = indexing.catch_up()
            self.stdout.write(f"Applied {applied} queued index updates; {left} still pending.")
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        if verbosity:
            self.stdout.write(f"Applying the search index queue every {interval:g} s.")
            self.stdout.flush()
        indexing.work(stop.is_set, interval=interval, sleep=stop.wait)
