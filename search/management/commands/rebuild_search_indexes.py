"""Rebuild every search index: the all-languages index and one per language.

    manage.py rebuild_search_indexes              # everything, with progress
    manage.py rebuild_search_indexes --language ru
    manage.py rebuild_search_indexes --pending    # apply the queued updates once (cron)

Use this instead of Wagtail's `update_index`, which would put every language's pages into
each per-language index.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail.models import Page

from modelsearch.index import get_indexed_models

from search import indexing, routing, vocabulary

CHUNK = 200


class Command(BaseCommand):
    help = "Rebuild the search indexes of every language (or apply queued updates with --pending)."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only this language's index, e.g. ru.")
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Only apply the queued updates (what search_index_worker does continuously).",
        )

    def handle(self, *args, language=None, pending=False, verbosity=1, **options):
        self.verbosity = verbosity
        if pending:
            applied, left = indexing.catch_up()
            self.say(f"Applied {applied} queued index updates; {left} still pending.")
            if left:
                raise CommandError("The search node is still unreachable; run this again later.")
            return
        started = timezone.now()
        languages = routing.language_backend_names()
        if language and language not in languages:
            raise CommandError(
                f"No search backend for language {language!r}. Configured: "
                + (", ".join(languages) or "none (database search covers every language)")
            )
        if not language:
            for name in routing.configured():
                if name not in languages:
                    self.say(f"{name}: rebuilding (all languages)")
                    call_command("update_index", backend_name=name, verbosity=0)
                    self.say(f"{name}: done")
        for code in [language] if language else languages:
            self.rebuild_language(code)
        # The words typo correction and Latin letters are matched against (search/vocabulary.py).
        vocabulary.rebuild(
            [language] if language else None, log=lambda m: self.say(f"vocabulary {m}")
        )
        # What was queued before the rebuild began is in the indexes now; later changes are not.
        queued = indexing.PendingIndexUpdate.objects.filter(queued_at__lt=started)
        if language:
            queued = queued.filter(backend=language)
        queued.delete()

    def rebuild_language(self, code):
        backend = routing.backend(code)
        started = time.monotonic()
        index = backend.get_index_for_model(Page)
        rebuilder = backend.rebuilder_class(index)
        index = rebuilder.start()
        page_models = [m for m in get_indexed_models() if issubclass(m, Page)]
        for model in page_models:
            index.add_model(model)
        # Each page once, as its most specific type.
        ids = list(Page.objects.filter(locale__language_code=code).values_list("pk", flat=True))
        total, done = len(ids), 0
        for start in range(0, total, CHUNK):
            pages = list(Page.objects.filter(pk__in=ids[start : start + CHUNK]).specific())
            by_model = {}
            for page in pages:
                by_model.setdefault(type(page), []).append(page)
            for model, items in by_model.items():
                index.add_items(model, items)
            done += len(pages)
            self.say(f"{code}: {done}/{total} pages ({100 * done // max(total, 1)}%)")
        rebuilder.finish()
        self.say(f"{code}: indexed {total} pages in {time.monotonic() - started:.1f} s")

    def say(self, message):
        if self.verbosity:
            self.stdout.write(message)
            self.stdout.flush()
