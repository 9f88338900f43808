from django.core.management.base import BaseCommand, CommandError

from knowledge import sources_doc


class Command(BaseCommand):
    help = (
        "List every rule of every country profile (by topic) and every guide with its sources "
        "(kind, title, address, check date), from the live English pages. Prints the list, "
        "or with --write PATH puts it below the marker line of that document "
        "(docs/knowledge-sources.md), keeping what is above it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--write", metavar="PATH", help="The document to update.")

    def handle(self, *args, write=None, **options):
        if write is None:
            self.stdout.write(sources_doc.generate(), ending="")
            return
        try:
            sources_doc.write(write)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Updated {write}.")
