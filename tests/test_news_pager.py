"""The news pager over 35 items: links both ways, the first and last pages, invalid page
numbers. The items are made once for the module (they are only read)."""

import pytest

from tests.builders.news import make_many_news, make_news_index, make_site


def titles(html):
    """Titles of the news cards, in page order."""
    return [
        part.split(">", 2)[2].split("<", 1)[0]
        for part in html.split('<article class="news-card">')[1:]
    ]


@pytest.fixture(scope="module")
def thirty_five(django_db_setup, django_db_blocker):
    """Item 001 (oldest) … Item 035 (newest): 4 pages, under /en/test-news/."""
    from search.models import PendingIndexUpdate

    with django_db_blocker.unblock():
        queued_before = PendingIndexUpdate.objects.order_by("-pk").values_list("pk", flat=True)
        last = queued_before.first() or 0
        index = make_news_index(make_site(("en",))["en"])
        items = make_many_news(index, 35)
    yield items
    with django_db_blocker.unblock():
        index.refresh_from_db()
        index.delete()
        # Made outside the tests' transactions: the search node's queue rows of these pages
        # would stay for later tests (with a node configured) as well.
        PendingIndexUpdate.objects.filter(pk__gt=last).delete()


@pytest.mark.django_db
def test_first_page_has_the_ten_newest_and_links_forward(client, thirty_five):
    response = client.get("/en/test-news/")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == [f"Item {n:03d}" for n in range(35, 25, -1)]
    assert 'rel="prev"' not in html
    assert '<a href="?page=2" rel="next">' in html
    for number in (2, 3, 4):
        assert f'href="?page={number}"' in html
    assert '<span aria-current="page" class="pager__current">' in html


@pytest.mark.django_db
def test_middle_page_links_both_ways(client, thirty_five):
    html = client.get("/en/test-news/?page=2").content.decode()
    assert titles(html) == [f"Item {n:03d}" for n in range(25, 15, -1)]
    assert '<a href="?" rel="prev">' in html  # page 1 has no page parameter
    assert '<a href="?page=3" rel="next">' in html
    assert html.count('aria-current="page"') == 1


@pytest.mark.django_db
def test_last_page_has_the_oldest_and_no_next_link(client, thirty_five):
    html = client.get("/en/test-news/?page=4").content.decode()
    assert titles(html) == [f"Item {n:03d}" for n in range(5, 0, -1)]
    assert 'rel="next"' not in html
    assert '<a href="?page=3" rel="prev">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "status", "newest"),
    [
        ("-1", 200, 35),  # below the first page: the first page
        ("0", 200, 35),
        ("99999", 200, 5),  # beyond the last page: the last page
        ("", 200, 35),
        ("abc", 404, None),  # not a number: no nearest page, a clear 404
        ("2.5", 404, None),
        ("1e3", 404, None),
    ],
)
def test_invalid_page_numbers(client, thirty_five, raw, status, newest):
    response = client.get(f"/en/test-news/?page={raw}")
    assert response.status_code == status
    if newest is not None:
        assert titles(response.content.decode())[0] == f"Item {newest:03d}"
