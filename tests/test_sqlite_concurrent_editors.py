"""Several editors save at once on the README's SQLite set-up (a database file, runserver's
threads, the editor's pings): nobody gets "database is locked".

The demo database of the test run is copied into a real file in a temporary directory;
writer threads save a page through Wagtail's editor (each request on its own connection,
as runserver's threads have) while another thread pings the editing-session endpoint, as
every open editor does every few seconds. Runs where the test database is SQLite (the
SQLite pass); on PostgreSQL it is skipped and says so.
"""

import sqlite3
import threading
from html.parser import HTMLParser

from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from wagtail.models import Page

import pytest

WRITERS = 6
SAVES_PER_WRITER = 8


class _FormFields(HTMLParser):
    """The fields the browser would post with the page editor's form (values as rendered)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            default = "on" if kind == "checkbox" else ""
            self.fields.append((attrs["name"], attrs.get("value", default)))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def form_data(html, form_id):
    parser = _FormFields(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, value)
    return data


def editor_form_data(html):
    return form_data(html, "page-edit-form")


@pytest.fixture
def sqlite_file(django_db_setup, django_db_blocker, tmp_path):
    """Threads opened after this get connections to a copy of the test database (the demo
    content) in a file, configured as the project configures SQLite (website/settings/base.py).
    Set up before the test's transaction (`db`): SQLite cannot copy a database while a
    transaction writes to it."""
    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            pytest.skip("about SQLite's locking: runs in the SQLite pass (the default database)")
        path = tmp_path / "db.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
    original = connections.settings["default"]
    connections.settings["default"] = {**original, "NAME": str(path)}
    try:
        yield path
    finally:
        connections.settings["default"] = original


def in_thread(target, *args):
    errors = []

    def run():
        try:
            target(*args)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _create_editor_and_draft():
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("concurrent-editor", "e@example.org", "pw")
    home = Page.objects.get(depth=2, locale__language_code="en")
    return home.add_child(
        instance=Page(title="A page several editors save", slug="saved-concurrently", live=False)
    )


def _editor_client():
    from django.contrib.auth import get_user_model

    client = Client(raise_request_exception=True)
    client.force_login(get_user_model().objects.get(username="concurrent-editor"))
    return client


def test_editors_save_while_their_editors_ping(sqlite_file, db):
    created = []
    thread, errors = in_thread(lambda: created.append(_create_editor_and_draft()))
    thread.join()
    assert not errors, errors
    page = created[0]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    ping_url = reverse(
        "wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", page.pk, 1]
    )
    statuses, pings = [], []
    writers_done = threading.Event()

    def writer(number):
        # Saves a draft, then publishes (more writes: search index, references, log).
        client = _editor_client()
        for save in range(SAVES_PER_WRITER):
            data = editor_form_data(client.get(edit_url).content.decode())
            data["title"] = f"{page.title} ({number}.{save})"
            if save % 2:
                data["action-publish"] = "action-publish"
            statuses.append(client.post(edit_url, data).status_code)

    def pinger():
        client = _editor_client()
        while not writers_done.is_set():
            pings.append(client.post(ping_url, {"is_editing": "1"}).status_code)

    ping_thread, ping_errors = in_thread(pinger)
    writers = [in_thread(writer, number) for number in range(WRITERS)]
    writer_errors = []
    for thread, errors in writers:
        thread.join(timeout=120)
        writer_errors.extend(errors)
    writers_done.set()
    ping_thread.join(timeout=30)

    assert not writer_errors, writer_errors  # e.g. OperationalError: database is locked
    assert not ping_errors, ping_errors
    assert statuses == [302] * (WRITERS * SAVES_PER_WRITER)
    assert pings and set(pings) == {200}
    database = sqlite3.connect(sqlite_file)
    revisions = database.execute(
        "SELECT count(*) FROM wagtailcore_revision WHERE object_id = ?", (str(page.pk),)
    ).fetchone()[0]
    journal_mode = database.execute("PRAGMA journal_mode").fetchone()[0]
    database.close()
    assert revisions >= WRITERS * SAVES_PER_WRITER
    assert journal_mode == "wal"


def test_a_save_the_busy_database_refused_keeps_what_was_typed(
    client, django_user_model, home_pages, monkeypatch
):
    """Should the database stay busy past the timeout, the editor gets their form back to
    send again (not a server error whose Back button may lose it), in their language."""
    from django.db import OperationalError
    from django.db.models.signals import pre_save

    from wagtail.models import Revision
    from wagtail.users.models import UserProfile

    editor = django_user_model.objects.create_superuser("busy-editor", "b@example.org", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(editor)
    page = home_pages["en"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = editor_form_data(client.get(edit_url).content.decode())
    data["title"] = "Typed while others were saving"

    def busy(sender, **kwargs):
        raise OperationalError("database is locked")

    pre_save.connect(busy, sender=Revision)
    try:
        response = client.post(edit_url, data)
    finally:
        pre_save.disconnect(busy, sender=Revision)
    assert response.status_code == 503
    html = response.content.decode()
    assert 'value="Typed while others were saving"' in html
    assert "Erneut senden" in html  # the editor's admin language
    assert "no-store" in response["Cache-Control"]

    response = client.post(edit_url, form_data(html, "database-busy-form"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"] == "Typed while others were saving"
