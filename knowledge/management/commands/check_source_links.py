from django.core.management.base import BaseCommand, CommandError

from knowledge.source_links import check_links, cited_urls


class Command(BaseCommand):
    help = (
        "Check every source address of the rules, guides and news (all languages, each "
        "address once) and list those that no longer answer, with the pages that cite "
        "them. Exits with status 1 when a link is broken (unless --exit-zero), so cron can "
        "mail the list."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="Seconds per request (default 10)."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=4,
            help="Addresses checked at the same time (default 4; be gentle with the sites).",
        )
        parser.add_argument(
            "--exit-zero",
            action="store_true",
            help="Exit with status 0 even when links are broken.",
        )

    def handle(self, *args, timeout, workers, exit_zero, **options):
        cited = cited_urls()
        results = check_links(cited, timeout=timeout, workers=workers)
        broken = [result for result in results if result.broken]
        for result in broken:
            self.stdout.write(f"BROKEN {result.url} — {result.problem}")
            for citation in result.citations:
                self.stdout.write(f"    cited by {citation}")
        summary = f"{len(results)} source address(es) checked, {len(broken)} broken."
        if broken and not exit_zero:
            self.stdout.write(summary)
            raise CommandError(f"{len(broken)} source address(es) no longer answer.", returncode=1)
        self.stdout.write(self.style.SUCCESS(summary) if not broken else summary)
