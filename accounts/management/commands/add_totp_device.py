"""Give an editor an authenticator app (TOTP) for the admin login's second factor."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a TOTP device for USERNAME (replacing any old one) and print the QR code and "
        "secret to scan into an authenticator app. From then on the admin login asks for a code."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--remove", action="store_true", help="Remove the user's devices (lost phone)."
        )

    def handle(self, username, remove=False, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        TOTPDevice.objects.filter(user=user).delete()
        if remove:
            self.stdout.write(f"{username} logs in with the password alone now.")
            return
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        url = device.config_url
        self.stdout.write(f"Scan this into {username}'s authenticator app:\n")
        try:
            import qrcode

            qr = qrcode.QRCode(border=1)
            qr.add_data(url)
            qr.print_ascii(out=self.stdout._out, invert=True)
        except ImportError:  # the URL below works as well
            pass
        self.stdout.write(f"\nor enter this URL / key by hand:\n{url}\n")
