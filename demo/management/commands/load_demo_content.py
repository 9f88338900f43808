from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# The loaders in dependency order (pages before what links to them).
LOADERS = [
    "demo.loaders.home",
    "demo.loaders.knowledge",
    "demo.loaders.news",
    "demo.loaders.campaign",
    "demo.loaders.safety",
    "demo.loaders.alternative_service",
    "demo.loaders.decisions",
    "demo.loaders.teams",
    "demo.loaders.search",
]


class Command(BaseCommand):
    help = (
        "Build the demo page tree in all five languages from demo/data/*.yaml and the "
        "translations in demo/locale/*/LC_MESSAGES/*.po (made through wagtail-localize). "
        "Safe to run again: only what is missing is created."
    )

    def handle(self, *args, **options):
        context = {"user": None}
        with transaction.atomic():
            for path in LOADERS:
                self.stdout.write(f"Loading {path} …")
                import_module(path).load(context)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
