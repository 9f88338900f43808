"""The admin login through Wagtail's real login view: lockout by user name after repeated
wrong passwords (no address stored), and the optional TOTP second factor."""

import html
import io
import time

from django.core.management import call_command
from django.test import Client

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import LOGIN_FAILED

LOGIN = "/admin/login/"
PASSWORD = "a-long-editor-password"  # noqa: S105


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(client, username="editor", password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def logged_in(client):
    return client.get("/admin/").status_code == 200


def page_text(response):
    return html.unescape(response.content.decode())


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


# --- lockout ------------------------------------------------------------------------


@pytest.mark.django_db
def test_wrong_passwords_lock_the_user_name_and_store_no_address(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="EditorsOwnBrowser/7.1")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, password="wrong")
        assert response.status_code == 200
        assert str(LOGIN_FAILED) in page_text(response)
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
    assert "EditorsOwnBrowser" not in str(list(AccessAttempt.objects.values()))


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
def test_a_login_ends_with_the_browser_even_when_asked_to_be_remembered(editor, settings):
    """Wagtail's "Remember me" kept the session cookie on disk (two weeks by default): on a
    lost or seized laptop, the admin opened without a password or code."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client = Client()
    assert 'name="remember"' not in client.get(LOGIN).content.decode()
    response = log_in(client, remember="on")
    assert response.status_code == 302 and logged_in(client)
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]
    lasts = Session.objects.get(session_key=cookie.value).expire_date - timezone.now()
    assert lasts.total_seconds() <= settings.SESSION_COOKIE_AGE <= 24 * 3600


@pytest.mark.django_db
def test_editor_with_a_device_must_enter_a_valid_code(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = Client()

    response = log_in(client)
    assert response.status_code == 200
    assert str(LOGIN_FAILED) in page_text(response)
    assert 'name="otp_token"' in response.content.decode()
    assert not logged_in(client)

    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = log_in(client, otp_token=wrong)
    assert response.status_code == 200
    assert str(LOGIN_FAILED) in page_text(response)
    assert not logged_in(client)

    # django-otp slows down guessing: right after a wrong code, even the right one waits.
    response = log_in(client, otp_token=current_code(device))
    assert str(LOGIN_FAILED) in page_text(response)
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
    assert str(LOGIN_FAILED) in page_text(response)
    assert not logged_in(client)


@pytest.mark.django_db
def test_required_two_factor_refuses_editors_without_a_device(editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    client = Client()
    response = log_in(client)
    assert response.status_code == 200
    assert str(LOGIN_FAILED) in page_text(response)
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


# --- no way around the second factor ------------------------------------------------


def error_text(response):
    """The form's error box: what the login page tells about a failed attempt."""
    text = page_text(response)
    start = text.index(str(LOGIN_FAILED))
    return text[start : start + len(str(LOGIN_FAILED))]


@pytest.mark.django_db
def test_every_failed_login_says_the_same_so_a_right_password_is_not_confirmed(
    editor, django_user_model, settings
):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    attempts = [
        log_in(Client(), username="nobody", password="wrong"),
        log_in(Client(), password="wrong"),
        log_in(Client()),  # right password, no code
        log_in(Client(), otp_token=wrong),  # right password, wrong code
    ]
    settings.ADMIN_2FA_REQUIRED = True
    django_user_model.objects.create_user("newcomer", "n@example.org", PASSWORD)
    attempts.append(log_in(Client(), username="newcomer"))  # right password, no app yet
    texts = {error_text(response) for response in attempts}
    assert texts == {str(LOGIN_FAILED)}
    for response in attempts:
        assert "Nothing else was wrong" not in page_text(response)
        assert "Enter the two-factor code" not in page_text(response)


@pytest.mark.django_db
def test_wrong_codes_count_towards_the_lockout(editor, settings):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(Client())  # the password alone
    response = log_in(Client(), otp_token=current_code(device))
    assert response.status_code == 429
    assert AccessAttempt.objects.get().username == "editor"


def parameterless_paths():
    """Every URL of the site that takes no argument, under each language prefix too."""
    from django.conf import settings as django_settings
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                path = prefix + route
                if "<" in path or "(" in path or "[" in path or "?" in path:
                    continue
                yield "/" + path.lstrip("^").rstrip("$").replace("\\", "")

    paths = set()
    for path in walk(get_resolver().url_patterns):
        if path.startswith("/en/"):
            for code, _name in django_settings.LANGUAGES:
                paths.add(f"/{code}/" + path.removeprefix("/en/"))
        else:
            paths.add(path)
    return sorted(paths)


@pytest.mark.django_db
def test_no_url_of_the_site_logs_in_with_the_password_alone(editor, settings):
    """A password posted to any URL (Wagtail's `_util/login/` under every language prefix
    served Django's plain LoginView) never gives an admin session without the code."""
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    paths = parameterless_paths()
    assert "/ru/_util/login/" in paths and "/admin/login/" in paths
    client = Client()
    credentials = {"username": "editor", "password": PASSWORD}
    for path in paths:
        if path.startswith("/admin/logout"):
            continue
        client.post(path, credentials)
        client.post(path + ("&" if "?" in path else "?") + "next=/admin/", credentials)
        assert not logged_in(client), f"{path} logged in with the password alone"


@pytest.mark.django_db
def test_the_reader_login_url_leads_to_the_two_factor_login(editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = Client()
    response = client.post(
        "/uk/_util/login/?next=/uk/", {"username": "editor", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=%2Fuk%2F"
    assert not logged_in(client)
    # An address elsewhere is not carried along.
    response = client.get("/en/_util/login/?next=https://attacker.example/")
    assert response["Location"] == "/admin/login/"


@pytest.mark.django_db
def test_a_session_without_the_code_is_ended_in_the_admin(editor):
    """However a session was made (another view, a session from before the editor set up
    an app), the admin refuses it until the code is given."""
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = Client()
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    assert "_auth_user_id" not in client.session  # logged out, not only turned away
    assert not logged_in(client)
    # The real login with the code works, and the session keeps working.
    assert log_in(client, otp_token=current_code(device)).status_code == 302
    assert logged_in(client)
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_required_two_factor_ends_sessions_of_editors_without_an_app(editor, settings):
    client = Client()
    assert log_in(client).status_code == 302  # before the requirement was turned on
    assert logged_in(client)
    settings.ADMIN_2FA_REQUIRED = True
    assert not logged_in(client)


@pytest.mark.django_db
def test_readers_pages_do_not_look_at_sessions(client, home_pages):
    """The session check runs only for requests with a session cookie: readers' pages
    keep no `Vary: Cookie` and set no cookie."""
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.mark.django_db
def test_the_open_data_api_takes_no_password(editor, demo_content):
    """DRF's default HTTP Basic authentication on /api/v2/ logged a request in with the
    password alone: it answered a right password with 200 and a wrong one with 403 (telling
    a thief his stolen password was right despite the editor's app), and listed the pages
    restricted to logged-in users, bodies included."""
    import base64

    from wagtail.models import PageViewRestriction

    from knowledge.models import GuidePage

    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    guide = GuidePage.objects.live().filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    url = "/api/v2/pages/?type=knowledge.GuidePage&locale=en&limit=100"

    def ask(password):
        token = base64.b64encode(f"editor:{password}".encode()).decode()
        return Client().get(url, HTTP_AUTHORIZATION=f"Basic {token}")

    right, wrong = ask(PASSWORD), ask("not-the-password")
    assert right.status_code == wrong.status_code == 200
    for response in (right, wrong):
        assert guide.pk not in [item["id"] for item in response.json()["items"]]
