from django.core.management.base import BaseCommand

from translation.teams import LEADS_GROUP, setup_translator_teams


class Command(BaseCommand):
    help = (
        "Create a 'Translators: <language>' group and an image/document collection per "
        f"non-English language, and the '{LEADS_GROUP}' group. Safe to run again (also after "
        "adding a language)."
    )

    def handle(self, *args, **options):
        teams = setup_translator_teams()
        for group in teams["translators"].values():
            self.stdout.write(f"{group.name}")
        self.stdout.write(f"{teams['leads'].name}")
        count = len(teams["translators"])
        self.stdout.write(self.style.SUCCESS(f"{count} translator team(s) in place."))
