"""The same organisation posts the appeal's signature form twice at the same moment.

Two real requests in two threads, each with its own database connection and transaction,
both pass the duplicate check before either inserts (a barrier holds them there): exactly
one signature is stored, both senders are thanked, nobody sees an error page.

Runs on PostgreSQL only: SQLite lets one transaction write at a time and the test database
is private to one connection, so two concurrent inserts cannot happen there. CI runs it in
its PostgreSQL pass; on SQLite it is skipped and says so.
"""

import threading

from django.core.cache import cache
from django.db import connection, connections
from django.test import Client

import pytest

from campaign.models import AppealPage, Signatory

SIGN_URL = "/en/campaign/appeal-bundestag/sign/"
NAME = "Concurrent Peace Initiative"


@pytest.fixture
def postgres(demo_content):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs two concurrent write transactions: run with a PostgreSQL DATABASE_URL "
            "(CI's PostgreSQL pass does); SQLite serialises writers"
        )


def _delete_committed_signatures():
    """The threads committed on their own connections, outside the test's transaction:
    remove their rows on another connection, so later tests see the demo data unchanged."""

    def delete():
        try:
            Signatory.objects.filter(name=NAME).delete()
        finally:
            connections.close_all()

    thread = threading.Thread(target=delete)
    thread.start()
    thread.join()


def test_the_same_signature_posted_twice_at_once_is_stored_once(postgres, monkeypatch):
    cache.clear()
    appeal = AppealPage.objects.get(
        url_path__endswith="/appeal-bundestag/", locale__language_code="en"
    )
    data = {
        "name": NAME,
        "country": "DE",
        "website": "https://concurrent-peace.example.org",
        "contact_email": "contact@example.org",
        "consent": "on",
        "reference": "",
    }

    both_checked = threading.Barrier(2, timeout=20)
    original = Signatory.duplicate_of.__func__

    def duplicate_of_then_wait(cls, *args):
        found = original(cls, *args)
        both_checked.wait()  # neither inserts before both have found no duplicate
        return found

    monkeypatch.setattr(Signatory, "duplicate_of", classmethod(duplicate_of_then_wait))

    responses, errors = [], []

    def post():
        try:
            responses.append(Client().post(SIGN_URL, data))
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert not errors
        assert [r.status_code for r in responses] == [302, 302]
        assert Signatory.objects.filter(appeal=appeal, name=NAME).count() == 1
    finally:
        _delete_committed_signatures()
        cache.clear()
