"""Every public URL carries its language; readers can switch to the same page in theirs."""

import re
from types import ModuleType

from django.conf.urls.i18n import i18n_patterns
from django.test import override_settings
from django.urls import path

import pytest

from knowledge.models import KnowledgeIndexPage

from .conftest import LANGUAGE_CODES

LANGUAGE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "ru": "Русский",
    "uk": "Українська",
    "be": "Беларуская",
}


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {
        code: (href, "language-switcher__home" in attrs)
        for href, code, attrs in re.findall(
            r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"([^>]*)>', nav
        )
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_language_home_renders_in_its_language(client, demo_content, home_pages, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert home_pages[code].headline in html
    # hreflang names every translation, with absolute URLs
    assert hreflangs(html) == {c: f"http://testserver/{c}/" for c in LANGUAGE_CODES}
    # the switcher links to the four other homes, and marks the current language without a link
    links = switcher_links(html)
    assert links == {c: (f"/{c}/", False) for c in LANGUAGE_CODES if c != code}
    assert f'aria-current="true" class="language-switcher__current">{LANGUAGE_NAMES[code]}<' in html


@pytest.mark.django_db
def test_switcher_leads_to_same_page_in_other_languages(client, demo_content):
    html = client.get("/ru/knowledge/").content.decode()
    assert '<html lang="ru"' in html and "База знаний" in html
    assert switcher_links(html)["uk"] == ("/uk/knowledge/", False)
    assert hreflangs(html)["de"] == "http://testserver/de/knowledge/"


@pytest.mark.django_db
def test_missing_translation_goes_to_that_languages_home_and_says_so(client, demo_content):
    KnowledgeIndexPage.objects.get(locale__language_code="be").unpublish()
    html = client.get("/en/knowledge/").content.decode()
    assert switcher_links(html)["be"] == ("/be/", True)
    assert "not translated: home page" in html
    # hreflang lists only real translations
    assert "be" not in hreflangs(html)
    assert set(hreflangs(html)) == {"en", "de", "ru", "uk"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("uk", "/uk/"),
        ("be-BY,be;q=0.9", "/be/"),
        ("de-DE,de;q=0.8,en;q=0.3", "/de/"),
        ("fr-FR,fr;q=0.9", "/en/"),  # not offered: the default language
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, demo_content, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies, "anonymous readers get no cookies"


@pytest.mark.django_db
def test_unprefixed_page_path_is_redirected_into_a_language(client, demo_content):
    response = client.get("/knowledge/", headers={"accept-language": "uk"})
    assert response.status_code == 302
    assert response["Location"] == "/uk/knowledge/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("en", "Page not found"),
        ("de", "Seite nicht gefunden"),
        ("ru", "Страница не найдена"),
        ("uk", "Сторінку не знайдено"),
        ("be", "Старонка не знойдзена"),
    ],
)
def test_not_found_page_speaks_the_readers_language(client, demo_content, code, heading):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert heading in html
    # the help channels are on every page, error pages too
    assert "+49 69 8237 5534" in html


def _broken_view(request):
    raise RuntimeError("boom")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"), [("en", "Something went wrong"), ("ru", "Что-то пошло не так")]
)
def test_server_error_page_speaks_the_readers_language(client, code, heading):
    module = ModuleType("error_urls")
    module.urlpatterns = i18n_patterns(path("broken/", _broken_view))
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF=module):
        response = client.get(f"/{code}/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert heading in html
