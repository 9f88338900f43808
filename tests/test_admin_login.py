"""The admin login through Wagtail's real login view: lockout by user name after repeated
wrong passwords (no address stored), and the optional TOTP second factor."""

import io
import time

from django.core.management import call_command
from django.test import Client

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "/admin/login/"
PASSWORD = "a-long-editor-password"  # noqa: S105


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(client, username="editor", password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def logged_in(client):
    return client.get("/admin/").status_code == 200


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


# --- lockout ------------------------------------------------------------------------


@pytest.mark.django_db
def test_wrong_passwords_lock_the_user_name_and_store_no_address(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, password="wrong")
        assert response.status_code == 200
        assert "and password didn" in response.content.decode()
    response = log_in(client, password="wrong")
    assert response.status_code == 429
    # Locked: even the right password is refused for the cool-off time, with a clear page.
    response = log_in(Client(), password=PASSWORD)
    assert response.status_code == 429
    assert "Login temporarily locked" in response.content.decode()
    assert "locked for 15 minutes" in response.content.decode()
    assert not logged_in(client)

    attempt = AccessAttempt.objects.get()
    assert attempt.username == "editor"
    assert attempt.ip_address is None
    assert "203.0.113.7" not in str(list(AccessAttempt.objects.values()))


@pytest.mark.django_db
def test_lockout_of_one_user_name_does_not_lock_out_others(editor, django_user_model, settings):
    django_user_model.objects.create_superuser("colleague", "c@example.org", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(Client(), password="wrong")
    client = Client()
    assert log_in(client, username="colleague").status_code == 302
    assert logged_in(client)


# --- two-factor authentication ------------------------------------------------------


@pytest.mark.django_db
def test_editor_without_a_device_logs_in_with_the_password(editor):
    client = Client()
    response = log_in(client)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_editor_with_a_device_must_enter_a_valid_code(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = Client()

    response = log_in(client)
    assert response.status_code == 200
    assert "Enter the two-factor code" in response.content.decode()
    assert 'name="otp_token"' in response.content.decode()
    assert not logged_in(client)

    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = log_in(client, otp_token=wrong)
    assert response.status_code == 200
    assert "That two-factor code is not valid" in response.content.decode()
    assert not logged_in(client)

    # django-otp slows down guessing: right after a wrong code, even the right one waits.
    response = log_in(client, otp_token=current_code(device))
    assert "Verification temporarily disabled" in response.content.decode()
    assert not logged_in(client)
    time.sleep(device.get_throttle_factor() + 0.1)

    response = log_in(client, otp_token=current_code(device))
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_a_wrong_password_is_refused_before_the_code_is_looked_at(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = Client()
    response = log_in(client, password="wrong", otp_token=current_code(device))
    assert "and password didn" in response.content.decode()
    assert not logged_in(client)


@pytest.mark.django_db
def test_required_two_factor_refuses_editors_without_a_device(editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    client = Client()
    response = log_in(client)
    assert response.status_code == 200
    assert "requires two-factor authentication" in response.content.decode()
    assert not logged_in(client)


@pytest.mark.django_db
def test_add_totp_device_command(editor):
    out = io.StringIO()
    call_command("add_totp_device", "editor", stdout=out)
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert "otpauth://totp/" in out.getvalue()
    client = Client()
    assert log_in(client).status_code == 200  # now a code is needed
    assert log_in(client, otp_token=current_code(device)).status_code == 302

    call_command("add_totp_device", "editor", "--remove", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=editor).exists()
