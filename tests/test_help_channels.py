"""The counselling channels are on the home and help pages and in every other page's footer."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "days"),
    [
        ("en", "Monday–Thursday"),
        ("de", "Montag–Donnerstag"),
        ("ru", "понедельник–четверг"),
        ("uk", "Понеділок–Четвер"),
    ],
)
def test_help_channels_in_the_readers_language(client, demo_content, code, days):
    html = client.get(f"/{code}/").content.decode()
    assert 'href="tel:+496982375534"' in html
    assert "https://t.me/connection_ev_ru" in html
    assert "mailto:office@connection-ev.org" in html
    assert days.lower() in html.lower()
    assert "10:00–16:00" in html


@pytest.mark.django_db
def test_help_channels_are_in_the_footer_of_other_pages(client, demo_content):
    for url in ["/en/knowledge/", "/uk/search/", "/de/missing/"]:
        footer = client.get(url).content.decode().split('<footer class="site-footer">', 1)[1]
        assert "+49 69 8237 5534" in footer, url


@pytest.mark.django_db
# The search page shows them beside the results of every query (search/templates).
@pytest.mark.parametrize("url", ["/en/", "/ru/help/", "/uk/search/?q=x"])
def test_pages_that_show_the_channels_do_not_repeat_them_in_the_footer(client, demo_content, url):
    content, footer = client.get(url).content.decode().split('<footer class="site-footer">', 1)
    assert content.count('<section class="help-channels"') == 1
    assert 'class="help-channels"' not in footer


@pytest.mark.django_db
def test_anonymous_readers_get_no_cookies(client, demo_content):
    for url in [
        "/en/",
        "/ru/knowledge/",
        "/uk/search/?q=база",
        "/de/missing/",
        "/en/news/",
        "/ru/help/",
        "/en/knowledge/compare/",
        "/en/knowledge/situation/?country=RU&situation=abroad",
    ]:
        assert not client.get(url).cookies, url
