"""A page missing in the reader's language leads to another language version, with a notice."""

import pytest

from news.models import NewsPage


@pytest.mark.django_db
def test_untranslated_page_redirects_to_another_language_with_a_notice(client, demo_content):
    english_only = next(
        page
        for page in NewsPage.objects.live().filter(locale__language_code="en")
        if not page.get_translations().filter(locale__language_code="de").exists()
    )
    response = client.get(f"/de/news/{english_only.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/news/{english_only.slug}/?untranslated=de"

    html = client.get(response["Location"]).content.decode()
    assert english_only.title in html
    assert "Diese Seite ist noch nicht auf Deutsch verfügbar" in html
    # hreflang still lists only real translations
    assert 'hreflang="de"' not in html.split("</head>", 1)[0]


@pytest.mark.django_db
def test_page_missing_everywhere_is_a_localised_404(client, demo_content):
    response = client.get("/de/news/no-such-article/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.django_db
def test_unknown_language_parameter_shows_no_notice(client, demo_content):
    html = client.get("/en/?untranslated=<script>").content.decode()
    assert "untranslated-notice" not in html
    assert "<script>" not in html
