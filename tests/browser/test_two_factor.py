"""An editor turns on two-factor authentication in Chromium: the QR code page, confirming
with a code from the key shown, and the next login asking for a code."""

import re
import time
import uuid
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from .conftest import django_orm

pytestmark = pytest.mark.browser

PASSWORD = "browser-2fa-password"  # noqa: S105


@pytest.fixture
def new_editor(_demo_site, django_db_blocker):
    """An editor of their own: turning on two-factor must not change other tests' logins."""
    with django_db_blocker.unblock(), django_orm():
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user(
            username=f"browser-2fa-{uuid.uuid4().hex[:6]}",
            password=PASSWORD,
            email="editor@example.org",  # an address, as editors have (no avatar from gravatar)
            is_staff=True,
            is_superuser=True,
        )
    return user.username


def app_code(key, steps_ahead=0):
    """What an authenticator app shows for the key typed in by hand (groups of four)."""
    if 30 - time.time() % 30 < 3:
        time.sleep(3)  # not a code about to expire on its way to the server
    key = key.replace(" ", "")
    totp = TOTP(b32decode(key + "=" * (-len(key) % 8)), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in(page, site, username, code=None):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    if code is not None:
        page.get_by_label("Two-factor code").fill(code)
    page.get_by_role("button", name="Sign in").click()


def test_editor_turns_on_two_factor_and_the_next_login_asks_for_a_code(
    page, site, new_editor, shot
):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    sign_in(page, site, new_editor)
    expect(page).to_have_url(f"{site}/admin/")

    page.goto(f"{site}/admin/account/two-factor/")
    expect(page.get_by_text("Two-factor authentication is off.")).to_be_visible()
    page.get_by_role("button", name="Set up an authenticator app").click()
    qr_code = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr_code).to_be_visible()
    assert qr_code.bounding_box()["width"] >= 200  # big enough to scan from the screen
    key = page.locator("[data-two-factor-key]").inner_text()
    shot(page, "qr-code")

    page.get_by_label("Code from the app").fill(app_code(key))
    page.get_by_role("button", name="Confirm and turn on").click()
    expect(page.get_by_text("Two-factor authentication is on.", exact=True)).to_be_visible()
    assert outside == []  # the QR code is drawn on the server, nothing is fetched elsewhere

    page.context.clear_cookies()
    sign_in(page, site, new_editor)  # the password alone is no longer enough
    expect(page.get_by_text(re.compile("two-factor code is not right"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    shot(page, "code-required")

    # The code of the confirmation is used up; the app's next one is accepted as drift.
    sign_in(page, site, new_editor, code=app_code(key, steps_ahead=1))
    expect(page).to_have_url(f"{site}/admin/")
