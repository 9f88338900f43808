import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Create (or reset) the development superuser 'admin' with a fresh random password "
        "and print the login. The default Site takes the host and port of --url, so that "
        "'View live' and links in e-mails lead to the running server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, url, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_admin only runs with DEBUG on (development settings).")
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        address = urlsplit(url)
        for site in Site.objects.filter(is_default_site=True):  # save(): clears Wagtail's cache
            site.hostname = address.hostname or "localhost"
            site.port = address.port or (443 if address.scheme == "https" else 80)
            site.save()
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: {url}  user: {username}  password: {password}")
        )
