"""Oversized or malformed posts to a public form: a clear answer, nothing saved.

The appeal's signature form is the only public form. Django refuses a body over
DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) or with more than DATA_UPLOAD_MAX_NUMBER_FIELDS before
the view runs; the reader gets templates/400.html instead of a bare "Bad Request".
(Admin uploads are covered with the production setup, see docs/operations.md.)
"""

from django.conf import settings
from django.test import Client

import pytest

from campaign.models import Signatory

SIGN_URL = "/en/campaign/appeal-bundestag/sign/"


@pytest.fixture
def form_data(demo_content):
    return {
        "name": "Limits Test Initiative",
        "country": "DE",
        "contact_email": "limits@example.org",
        "consent": "on",
        "reference": "",
    }


def assert_nothing_saved():
    assert not Signatory.objects.filter(name__startswith="Limits Test").exists()
    assert not Signatory.objects.filter(name__startswith="XXXX").exists()


def test_a_body_over_the_upload_limit_gets_a_clear_page_and_saves_nothing(form_data):
    form_data["name"] = "X" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = Client().post(SIGN_URL, form_data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "a form that was too large or had too many fields" in page
    assert "Nothing has been saved" in page
    assert_nothing_saved()


def test_too_many_fields_get_the_same_clear_page(form_data):
    form_data.update({f"extra{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)})
    response = Client().post(SIGN_URL, form_data)
    assert response.status_code == 400
    assert "Nothing has been saved" in response.content.decode()
    assert_nothing_saved()


def test_an_overlong_name_is_refused_on_the_form_with_what_was_typed(form_data):
    form_data["name"] = "Limits Test " + "n" * 5000
    response = Client().post(SIGN_URL, form_data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing has been sent yet" in page
    assert 'value="limits@example.org"' in page  # the rest of the input is kept
    assert_nothing_saved()


def test_the_page_is_in_the_language_of_the_url(form_data):
    form_data["name"] = "X" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = Client().post(SIGN_URL.replace("/en/", "/ru/"), form_data)
    assert response.status_code == 400
    assert '<html lang="ru"' in response.content.decode()
    assert_nothing_saved()
