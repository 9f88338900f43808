"""Safety for watched readers: "Leave this site" on every page, right after the skip link, and
the "Read this site safely" page in every language, linked from every footer."""

import re

from django.test import Client

import pytest

from demo import data
from safety.models import SafetyPage

LANGUAGES = ["en", "de", "ru", "uk", "be"]
LEAVE = {
    "en": "Leave this site",
    "de": "Seite verlassen",
    "ru": "Покинуть сайт",
    "uk": "Залишити сайт",
    "be": "Пакінуць сайт",
}
READ_SAFELY = {
    "en": "Read this site safely",
    "de": "Diese Seite sicher lesen",
    "ru": "Как читать сайт безопасно",
    "uk": "Як читати сайт безпечно",
    "be": "Як чытаць сайт бяспечна",
}
PAGES = [
    "/{lang}/",
    "/{lang}/knowledge/russia/",
    "/{lang}/knowledge/situation/",
    "/{lang}/news/",
    "/{lang}/help/",
    "/{lang}/search/?q=povestka",
    "/{lang}/no-such-page/",
]
LINKS = re.compile(r'<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def links(html):
    body = html.split("<body", 1)[1]
    return [(href, re.sub(r"<[^>]+>", "", text).strip()) for href, text in LINKS.findall(body)]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_leave_this_site_is_the_first_link_after_the_skip_link(demo_content, settings, lang, path):
    settings.QUICK_EXIT_URL = "https://neutral.example/"
    response = Client().get(path.format(lang=lang))
    assert response.status_code in (200, 404)
    html = response.content.decode()
    (skip, _), (leave_href, leave_text), *_rest = links(html)
    assert skip == "#main"
    assert leave_href == "https://neutral.example/"
    assert leave_text.startswith(LEAVE[lang])
    # The next site learns nothing of where the reader came from, even without the header.
    assert '<a class="quick-exit" href="https://neutral.example/" rel="noreferrer"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_footer_links_the_safety_page_in_the_readers_language(demo_content, lang):
    html = Client().get(f"/{lang}/knowledge/").content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert f'<a href="/{lang}/safety/">{READ_SAFELY[lang]}</a>' in footer
    # A page readers look for when they need it, not a section: not in the main navigation.
    navigation = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert "/safety/" not in navigation


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_safety_page_gives_its_advice_in_every_language(demo_content, lang):
    response = Client().get(f"/{lang}/safety/")
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    english = data.safety()
    title = data.translation(lang, english["title"], domain="safety")
    assert f"<h1>{title}</h1>" in html
    headings = [value["text"] for kind, value in english["body"] if kind == "heading"]
    for heading in headings:
        assert f"<h2>{data.translation(lang, heading, domain='safety')}</h2>" in html
    if lang != "en":
        assert "Tor Browser hides" not in html  # no English left in a translation
    assert "gettor@torproject.org" in html


@pytest.mark.django_db
def test_an_untranslated_safety_page_links_the_english_one(demo_content):
    SafetyPage.objects.get(locale__language_code="be").unpublish()
    html = Client().get("/be/knowledge/").content.decode()
    assert '<a href="/en/safety/">Як чытаць сайт бяспечна</a>' in html


@pytest.mark.django_db
def test_a_site_without_a_safety_page_has_no_dead_link(demo_content):
    for page in SafetyPage.objects.all():
        page.unpublish()
    html = Client().get("/ru/").content.decode()
    assert "safety-link" not in html
    assert LEAVE["ru"] in html


@pytest.mark.django_db
def test_the_main_navigation_follows_show_in_menus(demo_content, home_pages):
    from campaign.models import HelpPage

    help_page = HelpPage.objects.get(locale__language_code="uk")
    assert '/uk/help/"' in Client().get("/uk/").content.decode().split("</nav>", 1)[0]
    help_page.show_in_menus = False
    help_page.save_revision().publish()
    navigation = Client().get("/uk/").content.decode().split('class="main-nav"', 1)[1]
    assert "/uk/help/" not in navigation.split("</nav>", 1)[0]


@pytest.mark.django_db
def test_what_readers_search_for_stays_out_of_their_browser(demo_content):
    page = Client().get("/uk/help/").content.decode()
    assert re.search(r'<input id="site-search-q"[^>]*autocomplete="off"', page)  # no form history
    results = Client().get("/uk/search/", {"q": "дезертир"})
    assert "no-store" in results["Cache-Control"]
    suggestions = Client().get("/uk/search/suggest/", {"q": "дезер"})
    assert "no-store" in suggestions["Cache-Control"]


@pytest.mark.django_db
def test_an_upgraded_site_keeps_its_sections_in_the_menu_after_old_drafts(demo_content):
    """Migration home 0003 on a site from before "Show in menus" counted: the sections, their
    pending drafts and wagtail-localize's copy of the source all get it, so publishing a draft
    or a translation later does not take a section out of the navigation."""
    import importlib
    import json

    from django.apps import apps

    from wagtail.models import Page
    from wagtail_localize.models import TranslationSource

    from campaign.models import HelpPage

    migration = importlib.import_module("home.migrations.0003_sections_in_menus")
    english = HelpPage.objects.get(locale__language_code="en")
    # As before the upgrade: the flag off everywhere, and a draft waiting.
    Page.objects.filter(translation_key=english.translation_key).update(show_in_menus=False)
    english.refresh_from_db()
    draft = english.save_revision()
    draft.content = {**draft.content, "show_in_menus": False}
    draft.save(update_fields=["content"])
    source = TranslationSource.objects.get_for_instance(english)
    content = json.loads(source.content_json)
    source.content_json = json.dumps({**content, "show_in_menus": False})
    source.save(update_fields=["content_json"])

    migration.sections_in_menus(apps, None)

    draft.refresh_from_db()
    draft.publish()
    source.refresh_from_db()
    source.create_or_update_translation(
        HelpPage.objects.get(locale__language_code="ru").locale, fallback=True
    )
    for language in ("en", "ru"):
        navigation = Client().get(f"/{language}/").content.decode().split('class="main-nav"', 1)[1]
        assert f"/{language}/help/" in navigation.split("</nav>", 1)[0], language
