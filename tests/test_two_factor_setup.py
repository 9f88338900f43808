"""Editors set up, replace and remove their own authenticator app in the admin
(Account → More actions → Two-factor authentication), and the login then asks for its codes."""

import logging
import re
import time
from base64 import b32encode
from datetime import timedelta

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

import pytest
from axes.models import AccessAttempt
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PAGE = "/admin/account/two-factor/"
LOGIN = "/admin/login/"
PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(django_user_model):
    """An ordinary editor (Wagtail's Editors group), not a superuser."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def colleague(django_user_model):
    user = django_user_model.objects.create_user("colleague", "c@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def client_of(editor):
    client = Client()
    client.force_login(editor)
    return client


def code(device, steps_ahead=0):
    """The code the editor's app shows (or will show `steps_ahead` periods from now).

    A code is accepted once only; a login right after a confirmation uses the next period's
    code, which the server accepts as clock drift of one step."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    return "000000" if code(device) != "000000" else "111111"


def wait_out_throttling(device):
    device.refresh_from_db()
    time.sleep(device.get_throttle_factor() * 2 ** (device.throttling_failure_count - 1) + 0.1)


def page_text(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    return response.content.decode()


def post(client, action, **data):
    return client.post(PAGE, {"action": action, **data}, follow=True)


def log_in(client, otp_token=None):
    data = {"username": "editor", "password": PASSWORD}
    if otp_token is not None:
        data["otp_token"] = otp_token
    return client.post(LOGIN, data)


def logged_in(client):
    return client.get("/admin/").status_code == 200


def add_device(client, user, **fields):
    """A confirmed app made outside this session (e.g. by an administrator), with the session
    marked as verified by it, as a login with its code would."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True, **fields)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def enrol(client, user):
    post(client, "start")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    post(client, "confirm", **{"confirm-code": code(device)})
    device.refresh_from_db()
    assert device.confirmed
    return device


# --- finding the page ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_account_page_leads_to_two_factor_setup(client_of, editor):
    account = client_of.get("/admin/account/").content.decode()
    assert f'href="{PAGE}"' in account
    assert "Two-factor authentication" in account
    assert "Off: set up an authenticator app" in account

    add_device(client_of, editor)
    account = client_of.get("/admin/account/").content.decode()
    assert "On: logging in asks for a code" in account


@pytest.mark.django_db
def test_the_page_needs_a_login_and_is_never_cached(client_of):
    response = Client().get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)

    response = client_of.get(PAGE)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# --- setting up -----------------------------------------------------------------------


@pytest.mark.django_db
def test_editor_sets_up_an_app_and_the_login_then_asks_for_its_code(client_of, editor):
    assert "Two-factor authentication is off." in page_text(client_of)

    post(client_of, "start")
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed

    html = page_text(client_of)
    # The QR code is an inline SVG; the key is there to type in by hand, in groups of four.
    assert re.search(r'<svg width="240" height="240" role="img" aria-label="QR code', html)
    assert "<path" in html
    key = b32encode(device.bin_key).decode()
    assert " ".join(key[i : i + 4] for i in range(0, len(key), 4)) in html
    assert "editor" in re.search(r"list the account as “([^”]*)”", html).group(1)

    # Not confirmed yet: the login still takes the password alone.
    assert log_in(Client()).status_code == 302

    response = post(client_of, "confirm", **{"confirm-code": code(device)})
    assert "Two-factor authentication is on. From now on" in response.content.decode()
    assert "Two-factor authentication is on." in page_text(client_of)
    device.refresh_from_db()
    assert device.confirmed

    client = Client()
    response = log_in(client)
    assert "two-factor code is not right" in response.content.decode()
    assert not logged_in(client)
    assert log_in(client, otp_token=code(device, steps_ahead=1)).status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_the_setup_page_loads_nothing_from_other_sites(client_of):
    post(client_of, "start")
    html = page_text(client_of)
    qr_code = re.search(r"<svg[^>]*aria-label=\"QR code.*?</svg>", html, re.S).group(0)
    # The QR code is drawn in the page itself: no image file, data: URL or reference.
    assert "href" not in qr_code and "data:" not in qr_code and "<image" not in qr_code
    # Nothing the page loads or sends comes from or goes to another site (Wagtail's own
    # <noscript> link to a help page is a link, not a request).
    foreign = r"""\s*=\s*["']?(?:https?:)?//"""
    assert not re.search(r"\b(?:src|srcset|action|poster|data)" + foreign, html)
    assert not re.search(r"<link\b[^>]*\bhref" + foreign, html)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html)


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_the_same_app_can_try_again(client_of, editor):
    post(client_of, "start")
    device = TOTPDevice.objects.get(user=editor)
    key_shown = page_text(client_of).split("data-two-factor-key>")[1].split("<")[0]

    response = post(client_of, "confirm", **{"confirm-code": wrong_code(device)})
    text = response.content.decode()
    assert "That code is not valid" in text
    assert key_shown in text  # same key, no rescanning
    device.refresh_from_db()
    assert not device.confirmed
    assert log_in(Client()).status_code == 302  # still no code asked at login

    # Guessing is slowed down; after the wait the code from the same app is accepted.
    response = post(client_of, "confirm", **{"confirm-code": code(device)})
    assert "Too many wrong codes" in response.content.decode()
    wait_out_throttling(device)
    post(client_of, "confirm", **{"confirm-code": code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert TOTPDevice.objects.filter(user=editor).count() == 1


@pytest.mark.django_db
def test_cancelling_a_setup_leaves_nothing_behind(client_of, editor):
    post(client_of, "start")
    response = post(client_of, "cancel")
    assert "Setup cancelled" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()


@pytest.mark.django_db
def test_a_setup_abandoned_for_a_day_is_deleted(client_of, editor):
    post(client_of, "start")
    started = TOTPDevice.objects.get(user=editor, confirmed=False)
    TOTPDevice.objects.filter(pk=started.pk).update(
        created_at=timezone.now() - timedelta(days=1, minutes=1)
    )
    html = client_of.get(PAGE).content.decode()
    assert "Two-factor authentication is off." in html  # back to the start, no QR code
    assert not TOTPDevice.objects.filter(user=editor).exists()


@pytest.mark.django_db
def test_the_key_is_never_logged(client_of, editor, caplog):
    with caplog.at_level(logging.DEBUG):
        post(client_of, "start")
        device = TOTPDevice.objects.get(user=editor)
        post(client_of, "confirm", **{"confirm-code": wrong_code(device)})
        wait_out_throttling(device)
        post(client_of, "confirm", **{"confirm-code": code(device)})
    key = b32encode(device.bin_key).decode()
    assert key not in caplog.text
    assert device.key not in caplog.text
    assert "Two-factor app confirmed" in caplog.text


# --- replacing ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_app_replaces_the_old_one_only_once_confirmed(client_of, editor):
    old = enrol(client_of, editor)

    # Replacing needs the password or a current code: an open session is not enough.
    response = post(client_of, "start", **{"replace-proof": "not-my-password"})
    assert "neither your password nor a current code" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()

    response = post(client_of, "start", **{"replace-proof": PASSWORD})
    assert "Your current app keeps working until you confirm the new one." in (
        response.content.decode()
    )
    new = TOTPDevice.objects.get(user=editor, confirmed=False)
    client = Client()
    assert log_in(client, otp_token=code(old, steps_ahead=1)).status_code == 302  # old works

    post(client_of, "confirm", **{"confirm-code": code(new)})
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    new.refresh_from_db()
    assert new.confirmed
    client = Client()
    assert log_in(client, otp_token=code(old, steps_ahead=-1)).status_code == 200
    assert not logged_in(client)


# --- removing -------------------------------------------------------------------------


@pytest.mark.django_db
def test_editor_removes_the_app_with_the_password(client_of, editor):
    enrol(client_of, editor)

    response = post(client_of, "remove", **{"remove-proof": "not-my-password"})
    assert "neither your password nor a current code" in response.content.decode()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    # Guessing the password here counts towards the login lockout like a wrong login.
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 1

    response = post(client_of, "remove", **{"remove-proof": PASSWORD})
    assert "Two-factor authentication is off. You log in with your password alone." in (
        response.content.decode()
    )
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert log_in(Client()).status_code == 302


@pytest.mark.django_db
def test_editor_removes_the_app_with_a_current_code(client_of, editor):
    device = add_device(client_of, editor)
    post(client_of, "remove", **{"remove-proof": code(device)})
    assert not TOTPDevice.objects.filter(user=editor).exists()


@pytest.mark.django_db
def test_removal_is_refused_when_two_factor_is_required(client_of, editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    device = add_device(client_of, editor)

    html = page_text(client_of)
    assert "cannot be turned off" in html
    assert 'value="remove"' not in html
    assert 'value="start"' in html  # replacing is still offered

    response = post(client_of, "remove", **{"remove-proof": PASSWORD})
    assert "cannot be turned off" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()


# --- one editor, one device -------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_cannot_touch_a_colleagues_app(client_of, editor, colleague):
    theirs = TOTPDevice.objects.create(user=colleague, name="app", confirmed=True)
    pending = TOTPDevice.objects.create(user=colleague, name="new app", confirmed=False)

    assert "Two-factor authentication is off." in page_text(client_of)
    post(client_of, "remove", **{"remove-proof": PASSWORD})
    post(client_of, "confirm", **{"confirm-code": code(pending)})
    post(client_of, "cancel")

    assert TOTPDevice.objects.get(pk=theirs.pk).confirmed
    assert not TOTPDevice.objects.get(pk=pending.pk).confirmed
    assert not TOTPDevice.objects.filter(user=editor).exists()


@pytest.mark.django_db
def test_the_page_speaks_the_editors_admin_language(client_of, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "uk"
    profile.save()
    html = page_text(client_of)
    assert "Двофакторну автентифікацію вимкнено." in html
    assert "Налаштувати застосунок-автентифікатор" in html
