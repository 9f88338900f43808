from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's demo loader, in dependency order (pages before what links to them).
LOADERS = [
    "home.demo.pages",
    "knowledge.demo",
    "news.demo",
    "campaign.demo",
    "home.demo.teams",
]


class Command(BaseCommand):
    help = (
        "Build the demo page tree in all five languages (translations made through "
        "wagtail-localize). Safe to run again: only what is missing is created."
    )

    def handle(self, *args, **options):
        context = {"user": None}
        with transaction.atomic():
            for path in LOADERS:
                self.stdout.write(f"Loading {path} …")
                import_module(path).load(context)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
