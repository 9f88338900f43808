from django.core.management.base import BaseCommand

from campaign.moderation import MODERATORS_GROUP, setup_signature_moderators


class Command(BaseCommand):
    help = (
        f"Create the '{MODERATORS_GROUP}' group: it may see, approve and reject signatures, and "
        "its members are e-mailed about each new one. Safe to run again."
    )

    def handle(self, *args, **options):
        group = setup_signature_moderators()
        self.stdout.write(self.style.SUCCESS(f"'{group.name}' is in place."))
