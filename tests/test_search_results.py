"""What readers get from the search page: inflected words found, result cards, filters,
other languages, editors' promotions, suggestions and the API's search."""

import io
import re
from html import unescape

from django.core.management import call_command

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import pytest

from core.lemmas import lemma
from demo.data import guide, translation
from search import indexing, routing

# The Russian title of the guide on ignored electronic summonses (demo/data).
SUMMONS_GUIDE_RU = translation("ru", guide("ignored-electronic-summons")["title"])


def titles(html):
    return [unescape(t) for t in re.findall(r'<h[23]><a href="[^"]+">([^<]+)</a>', html)]


def search_html(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("word", "language", "base"),
    [
        ("мобилизованных", "ru", "мобилизовать"),
        ("дезертира", "ru", "дезертир"),
        ("мобілізації", "uk", "мобілізація"),
        ("kriegsdienstverweigerer", "de", "kriegsdienstverweig"),
        ("kriegsdienstverweigerung", "de", "kriegsdienstverweig"),
        ("deserters", "en", "desert"),
    ],
)
def test_base_forms(word, language, base):
    assert lemma(word, language) == base


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "expected_title"),
    [
        # The pages say "мобилизованного", "дезертирам", "повестку": other forms of the words.
        ("ru", "мобилизованных", translation("ru", "Russia: a court upholds a mobilised man's right to alternative service")),  # noqa: E501
        ("ru", "дезертиры", translation("ru", "Germany now rejects Russian deserters too")),
        ("ru", "повестки", SUMMONS_GUIDE_RU),
        ("uk", "повістки", "Що буде, якщо я проігнорую електронну повістку?"),
        ("de", "Einberufungsbescheide", "Was passiert, wenn ich einen elektronischen Einberufungsbescheid ignoriere?"),  # noqa: E501
        ("en", "summonses", "What happens if I ignore an electronic summons?"),
    ],
)  # fmt: skip
def test_inflected_words_find_the_page(client, demo_content, language, query, expected_title):
    assert expected_title in titles(search_html(client, language, query))[:5]


@pytest.mark.django_db
def test_result_cards_show_type_country_date_and_highlighted_snippet(client, demo_content):
    html = search_html(client, "ru", "повестки")
    # the guide on ignored electronic summonses: type, country and review date
    card = next(
        c
        for c in html.split('class="search-result"')[1:]
        if 'href="/ru/knowledge/ignored-electronic-summons/"' in c.split("</li>")[0]
    ).split("</li>")[0]
    assert "Россия" in card
    assert "search-result__type" in card and "search-result__countries" in card
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', card)
    # the matching word is highlighted in whatever form the page uses it
    assert re.search(r"<mark>повестк\w*</mark>", html, re.IGNORECASE)


def publish_and_index(page, capture_on_commit):
    """Publish, apply the queued node updates (the worker's job), and make it searchable."""
    with capture_on_commit(execute=True):
        page.save_revision().publish()
    call_command("update_index", backend_name="default", stdout=io.StringIO())
    indexing.catch_up()
    for name in routing.engine_backend_names():
        routing.backend(name).get_index_for_model(Page).refresh()


@pytest.mark.django_db
def test_snippet_escapes_page_text(client, demo_content, django_capture_on_commit_callbacks):
    page = Page.objects.get(locale__language_code="en", slug="russia").specific
    page.introduction = "<script>alert(1)</script> quorplex " + page.introduction
    publish_and_index(page, django_capture_on_commit_callbacks)
    html = search_html(client, "en", "quorplex")
    assert "<script>alert(1)</script>" not in html
    snippet = html.split('class="search-result__snippet">', 1)[1].split("</p>", 1)[0]
    assert "alert" in snippet and "<script" not in snippet


@pytest.mark.django_db
def test_type_and_country_filters_are_plain_links(client, demo_content):
    html = search_html(client, "en", "alternative service")
    assert 'aria-label="Filter the results"' in html
    everything = titles(html)
    news_link = re.search(r'<a href="(\?[^"]*type=news.newspage[^"]*)">', html).group(1)
    only_news = titles(client.get("/en/search/" + news_link.replace("&amp;", "&")).content.decode())
    assert only_news and set(only_news) < set(everything) | set(only_news)
    news_titles = set(
        Page.objects.filter(locale__language_code="en", content_type__model="newspage").values_list(
            "title", flat=True
        )
    )
    assert set(only_news) <= news_titles
    belarus = titles(search_html(client, "en", "alternative service", country="BY"))
    assert belarus and all("Russia" not in title for title in belarus)


@pytest.mark.django_db
def test_unknown_filter_values_are_harmless(client, demo_content):
    html = search_html(client, "en", "desertion", type="<b>nope</b>", country="ZZ")
    assert "is of the type or country chosen" in html  # the filters, not the language
    assert "<b>nope</b>" not in html


@pytest.mark.django_db
def test_other_languages_are_offered_when_the_readers_language_has_nothing(client, demo_content):
    html = search_html(client, "en", "мобилизация")
    assert "Nothing found" in html
    section = re.search(
        r'<section class="search-other-language" aria-labelledby="other-ru".*?</section>',
        html,
        re.S,
    )
    assert section, "the Russian results are offered"
    assert re.search(r"\d+ results? in Russian", section.group(0))
    assert "Россия" in section.group(0)


@pytest.mark.django_db
def test_editors_promotions_come_first_in_the_readers_language(client, demo_content):
    english_help = Page.objects.get(locale__language_code="en", slug="help")
    query = Query.get("hotline")
    SearchPromotion.objects.create(query=query, page=english_help, sort_order=0)
    html = search_html(client, "ru", "Hotline")
    promoted = html.split('class="search-promoted"', 1)[1].split("</section>", 1)[0]
    assert "Получить помощь" in promoted  # the Russian translation of the promoted page


@pytest.mark.django_db
def test_searching_records_no_queries(client, demo_content):
    before = Query.objects.count()
    search_html(client, "ru", "дезертир")
    assert Query.objects.count() == before


@pytest.mark.django_db
def test_suggestions_are_json_titles_without_cookies(client, demo_content):
    # (A prefix few titles share: "Росс" starts more titles than the list shows.)
    response = client.get("/ru/search/suggest/", {"q": "Оккупир"})
    assert response.status_code == 200
    assert not response.cookies
    titles_found = [item["title"] for item in response.json()["suggestions"]]
    assert translation("ru", "Russian-occupied areas of Ukraine") in titles_found
    assert client.get("/ru/search/suggest/", {"q": '"'}).json()["suggestions"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ['"', '"fox', "a:b", "(", "*", "x" * 5000])
def test_api_search_never_fails(client, demo_content, raw):
    response = client.get("/api/v2/pages/", {"search": raw})
    assert response.status_code == 200
    assert "items" in response.json()


@pytest.mark.django_db
def test_api_search_finds_inflected_words_in_one_language(client, demo_content):
    data = client.get("/api/v2/pages/", {"search": "повестки", "locale": "ru"}).json()
    found = [item["title"] for item in data["items"]]
    assert SUMMONS_GUIDE_RU in found
    assert all(item["meta"]["locale"] == "ru" for item in data["items"])


@pytest.mark.django_db
def test_rebuild_command_reports_progress(demo_content):
    out = io.StringIO()
    call_command("rebuild_search_indexes", stdout=out)
    assert "default" in out.getvalue() and "done" in out.getvalue()


@pytest.mark.django_db
def test_a_typo_finds_the_corrected_word_on_every_engine(client, demo_content):
    # The vocabulary of the pages corrects it (search/vocabulary.py), on the database too.
    html = search_html(client, "en", "asylym")
    assert re.search(r'class="search-suggestion">[^<]*<a href="\?q=asylum">asylum</a>', html)
    assert "First asylum rejections for Russians who evaded recruitment" in titles(html)
