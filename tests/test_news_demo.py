"""The demo news: enough for several pager pages, some translated, linked to profiles."""

import pytest

from demo import data as demo_data
from news.models import NewsIndexPage, NewsPage
from news.queries import latest_news_for_country

from .conftest import LANGUAGE_CODES


@pytest.mark.django_db
def test_demo_news_fill_several_pages_and_some_are_translated(client, demo_content):
    english = NewsPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 30
    html = client.get("/en/news/?page=3").content.decode()
    assert 'aria-current="page"' in html and 'href="?page=4"' in html
    for code in ("ru", "uk"):
        translated = NewsPage.objects.live().filter(locale__language_code=code)
        assert translated.count() >= 3
        assert all(
            page.translation_key in set(english.values_list("translation_key", flat=True))
            for page in translated
        )
        assert any(
            page.title != english.get(translation_key=page.translation_key).title
            for page in translated
        )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "ru", "uk", "be"])
def test_an_item_is_published_in_each_language_that_translates_its_title(demo_content, language):
    expected = {
        demo_data.translation(language, item["title"])
        for item in demo_data.news()["items"]
        if demo_data.is_translated(language, item["title"])
    }
    live = NewsPage.objects.live().filter(locale__language_code=language)
    assert set(live.values_list("title", flat=True)) == expected


@pytest.mark.django_db
def test_demo_news_index_in_every_language(client, demo_content):
    english = NewsIndexPage.objects.get(locale__language_code="en")
    for code in LANGUAGE_CODES:
        index = NewsIndexPage.objects.get(locale__language_code=code)
        assert index.translation_key == english.translation_key and index.live
        assert client.get(f"/{code}/news/").status_code == 200
        if code != "en":
            assert index.title != english.title


@pytest.mark.django_db
def test_demo_news_about_russia_is_on_the_russia_profile_in_each_language(client, demo_content):
    from knowledge.models import Country, CountryProfilePage

    russia = Country.objects.filter(code="RU", locale__language_code="en").first()
    if russia is None:
        pytest.skip("the knowledge demo has no Russia yet")
    checked = 0
    for profile in CountryProfilePage.objects.live().filter(country=russia):
        news = latest_news_for_country(russia.pk, profile.locale_id)
        if not news:
            continue  # no news about Russia in this language
        checked += 1
        assert all(page.locale_id == profile.locale_id for page in news)
        html = client.get(profile.url).content.decode()
        assert news[0].title in html.replace("&#x27;", "'")
    assert checked >= 3  # en, ru, uk
