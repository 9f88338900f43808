"""The search page answers every query in the reader's language, never with an error."""

import pytest

from search.query import clean_query


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"', ""),
        ('"мобилизация', "мобилизация"),
        ("desertion AND (asylum OR ~refugee^2)", "desertion asylum refugee 2"),
        ("  \t\x00 ", ""),
        ("<script>alert(1)</script>", "script alert 1 script"),
        ("Kriegsdienst-verweigerung", "Kriegsdienst-verweigerung"),
        ("з’явитися", "з’явитися"),
    ],
)
def test_clean_query_keeps_words_and_drops_syntax(raw, expected):
    assert clean_query(raw) == expected


def test_clean_query_caps_length():
    assert len(clean_query("слово " * 10_000)) <= 200


@pytest.mark.django_db
def test_search_finds_pages_in_the_active_language_only(client, demo_content):
    html = client.get("/ru/search/", {"q": "знаний"}).content.decode()
    assert "База знаний" in html
    assert "Knowledge base" not in html.split("<main", 1)[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ['"', '"fox', "*", "a:b", "(", "NOT", "x" * 10_000, "   ", "\x07", "<script>alert(1)</script>"],
)
def test_odd_queries_never_fail(client, demo_content, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", ""])
def test_invalid_result_page_numbers_are_harmless(client, demo_content, page):
    response = client.get("/en/search/", {"q": "knowledge", "page": page})
    assert response.status_code == 200


@pytest.mark.django_db
def test_search_falls_back_to_the_database_when_the_engine_is_down(client, demo_content, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        # nothing listens on port 9: every request is refused at once
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "AUTO_UPDATE": False,
        },
        "fallback": {"BACKEND": "search.database"},
    }
    response = client.get("/ru/search/", {"q": "знаний"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "База знаний" in html
    assert "search-degraded" in html


@pytest.mark.django_db
def test_search_without_fallback_says_it_is_not_working(client, demo_content, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "AUTO_UPDATE": False,
        },
    }
    response = client.get("/en/search/", {"q": "knowledge"})
    assert response.status_code == 200
    assert "Search is not working at the moment" in response.content.decode()
