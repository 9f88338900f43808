"""What a phone walk-through found (#19): the situation answer is where the browser lands,
the way to "What applies to me?" is one tap from the home page and the comparison, the help
box is not shown twice, every page describes itself, news pages say their number."""

import html as markup
import re

from django.test import Client

import pytest

from demo import data

WHAT_APPLIES = {
    "en": "What applies to me?",
    "de": "Was gilt für mich?",
    "ru": "Что из этого относится ко мне?",
    "uk": "Що з цього стосується саме мене?",
    "be": "Што з гэтага датычыць мяне?",
}
LANGUAGES = list(WHAT_APPLIES)
ANSWER = "/{lang}/knowledge/situation/?country=RU&situation=summons"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_situation_form_lands_on_the_answer(demo_content, lang):
    html = Client().get(f"/{lang}/knowledge/situation/").content.decode()
    assert '<form method="get" action="#answer" class="situation-form">' in html
    assert f"<h1>{WHAT_APPLIES[lang]}</h1>" in html
    # Before an answer, the footer offers help as on every page.
    assert 'id="help-channels-heading-footer"' in html

    html = Client().get(ANSWER.format(lang=lang)).content.decode()
    assert re.search(r'<section class="answer" id="answer" tabindex="-1"', html)
    # The answer ends with the help channels: the footer does not repeat them.
    assert 'id="help-channels-heading-answer"' in html
    assert 'id="help-channels-heading-footer"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_and_comparison_lead_straight_to_the_situation_guide(demo_content, lang):
    link = f'href="/{lang}/knowledge/situation/">{WHAT_APPLIES[lang]}</a>'
    assert link in Client().get(f"/{lang}/").content.decode()
    assert link in Client().get(f"/{lang}/knowledge/compare/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "",
        "knowledge/",
        "knowledge/russia/",
        "knowledge/ignored-electronic-summons/",
        "news/",
        "campaign/appeal-bundestag/",
        "help/",
        "safety/",
    ],
)
def test_every_page_has_a_description_for_search_engines_and_previews(demo_content, lang, path):
    html = Client().get(f"/{lang}/{path}").content.decode()
    [description] = re.findall(r'<meta name="description" content="([^"]*)">', html)
    description = markup.unescape(description)
    assert 40 <= len(description) <= 160, description
    assert "\n" not in description


@pytest.mark.django_db
def test_the_description_is_the_pages_own_words(demo_content):
    html = Client().get("/en/").content.decode()
    introduction = " ".join(data.home()["home"]["introduction"].split())
    [description] = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert description.endswith("…")
    assert introduction.startswith(description[:-1])


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "word"), [("en", "Page"), ("ru", "Страница"), ("be", "Старонка")])
def test_news_pages_after_the_first_say_their_number_in_the_title(demo_content, lang, word):
    first = Client().get(f"/{lang}/news/").content.decode()
    second = Client().get(f"/{lang}/news/?page=2").content.decode()
    title = re.compile(r"<title>(.*?)</title>")
    assert word not in title.search(first).group(1)
    assert f" · {word} 2 · " in title.search(second).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ru/search/", "/ru/search/?q=повестка"])
def test_the_search_page_has_one_search_form(demo_content, path):
    html = Client().get(path).content.decode()
    assert html.count('role="search"') == 1
    # every other page keeps the header's search
    assert Client().get("/ru/help/").content.decode().count('role="search"') == 1


@pytest.mark.django_db
def test_the_main_navigation_marks_the_section_of_the_page_shown(demo_content):
    """Screen readers hear "current" on the section a reader is in, deep pages included."""
    from news.models import NewsPage

    def current(url):
        html = Client().get(url).content.decode()
        navigation = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r'<a href="([^"]+)" aria-current="true"', navigation)

    item = NewsPage.objects.live().filter(locale__language_code="ru").first()
    assert current(item.url) == ["/ru/news/"]
    assert current("/ru/news/") == ["/ru/news/"]
    assert current("/ru/knowledge/russia/") == ["/ru/knowledge/"]
    assert current("/ru/knowledge/compare/") == ["/ru/knowledge/"]  # a sub-route of the section
    assert current("/ru/") == []
