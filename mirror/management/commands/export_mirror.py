from django.core.management.base import BaseCommand, CommandError

from mirror.export import export


class Command(BaseCommand):
    help = (
        "Write a static copy of the public site (all languages) into DIR, with relative links "
        "so it works from any host, an onion service, object storage or as files. With "
        "--pending, only what was published since the last run (docs/mirrors.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where the copy goes (created if missing).")
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Re-render only the pages queued on publish and the pages that list them.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Fail if any link of the copy leads to a file it does not hold.",
        )

    def handle(self, directory, pending=False, strict=False, **options):
        summary = export(directory, pending=pending)
        self.stdout.write(
            f"{summary['rendered']} files rendered, {summary.get('missing', 0)} links missing"
        )
        for url in summary.get("missing_urls", []):
            self.stderr.write(f"missing: {url}")
        if strict and summary.get("missing"):
            raise CommandError("Some links of the copy lead nowhere (see above).")
