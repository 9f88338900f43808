"""Readers get no cookie they did not ask for: not from the API in a browser, not from a
damaged cookie; the signature form's cookie ends with the browser session, and a form posted
without a valid token gets a page in the reader's language."""

from django.test import Client

import pytest

SIGN_URL = "/ru/campaign/appeal-bundestag/sign/"


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_the_api_opened_in_a_browser_sets_no_cookie(client, demo_content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", HTTP_ACCEPT="text/html,*/*;q=0.8")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert not response.cookies


@pytest.mark.django_db
def test_the_signature_forms_cookie_lasts_the_browser_session_only(client, demo_content):
    response = client.get(SIGN_URL)
    assert response.status_code == 200
    cookie = response.cookies["csrftoken"]
    assert not cookie["max-age"] and not cookie["expires"]
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["broken", "x" * 40, "ä" * 32, "a" * 31 + "!"])
def test_a_malformed_csrf_cookie_earns_no_new_cookie_on_readers_pages(demo_content, value):
    client = Client()
    client.cookies["csrftoken"] = value
    for url in ("/en/", "/ru/knowledge/russia/", "/uk/news/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
    # The signature form still works: it sets a fresh, valid cookie.
    response = client.get(SIGN_URL)
    assert len(response.cookies["csrftoken"].value) == 32


@pytest.mark.django_db
def test_a_form_without_its_token_gets_a_clear_page_in_the_readers_language(demo_content):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SIGN_URL, {"name": "Org"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert "Форму не удалось отправить" in html and "Ничего не сохранено" in html
    assert "CSRF" not in html and "Forbidden" not in html
    assert "no-store" in response["Cache-Control"]
