"""The demo news: enough for several pager pages, some translated, linked to profiles."""

from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale

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


def last_24_months():
    today = timezone.localdate()
    return today.replace(year=today.year - 2, day=min(today.day, 28))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "uk"])
def test_russian_and_ukrainian_readers_get_every_item_of_the_last_24_months(
    client, demo_content, language
):
    recent = [item for item in demo_data.news()["items"] if item["date"] >= last_24_months()]
    assert len(recent) >= 12
    locale = Locale.objects.get(language_code=language)
    for item in recent:
        page = NewsPage.objects.get(locale__language_code="en", title=item["title"])
        translated = page.get_translation_or_none(locale)
        assert translated is not None and translated.live, (language, item["title"])
        html = client.get(translated.url).content.decode()
        for text in [item["title"], item["teaser"], *item["body"]]:
            text = text.strip()
            assert demo_data.is_translated(language, text, "news"), (language, text)
            assert escape(demo_data.translation(language, text, "news")) in html, (language, text)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_news_items_show_their_sources_with_links(client, demo_content, language):
    """A news item that reports on a law, decision or report lists it under the text,
    linked, so readers can check it."""
    sources = demo_data.sources()
    checked = 0
    for item in demo_data.news()["items"]:
        if not item.get("sources") or not demo_data.is_translated(language, item["title"], "news"):
            continue
        title = demo_data.translation(language, item["title"], "news")
        page = NewsPage.objects.live().get(locale__language_code=language, title=title)
        html = client.get(page.url).content.decode()
        for number, source_id in enumerate(item["sources"], start=1):
            footnote = html.split(f'<li id="news-source-{number}">', 1)[1].split("</li>", 1)[0]
            assert f'<a href="{sources[source_id]["url"]}"' in footnote, (title, source_id)
        checked += 1
    assert checked >= (12 if language in ("ru", "uk", "en") else 1)
