"""Pages behind a password or a login are for the people given access: readers never see
them listed, not their titles, not their teasers, not in a feed."""

import re
from html import unescape as html_unescape

from django.test import Client

from wagtail.models import Locale, PageViewRestriction

import feedparser
import pytest

from knowledge.models import CountryProfilePage, DecisionPage, GuidePage
from news.models import NewsPage

SECRET = "Internal: counsellors' briefing"


def make_private(page, title=SECRET, kind=PageViewRestriction.PASSWORD):
    page.title = title
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=kind, password="pw-only")
    return page


@pytest.mark.django_db
def test_a_private_news_item_is_in_no_list_feed_or_profile(demo_content):
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    countries = list(news.countries.all())
    make_private(news)
    reader = Client()
    assert SECRET not in reader.get(news.get_parent().url).content.decode()
    for feed in ("rss/", "atom/"):
        entries = feedparser.parse(reader.get(news.get_parent().url + feed).content).entries
        assert entries and SECRET not in [e.title for e in entries]
    for country in countries:
        profile = (
            CountryProfilePage.objects.live()
            .filter(locale__language_code="en", country=country)
            .first()
        )
        if profile is not None:
            assert SECRET not in reader.get(profile.url).content.decode()


@pytest.mark.django_db
def test_a_private_guide_or_decision_is_not_listed(demo_content):
    guide = GuidePage.objects.live().filter(locale__language_code="en").first()
    decision = DecisionPage.objects.live().filter(locale__language_code="en").first()
    make_private(guide, title=SECRET + " (guide)", kind=PageViewRestriction.LOGIN)
    make_private(decision, title=SECRET + " (decision)")
    reader = Client()
    assert SECRET not in reader.get(guide.get_parent().url).content.decode()
    decisions = decision.get_parent()
    assert SECRET not in reader.get(decisions.url).content.decode()
    feed = feedparser.parse(reader.get(decisions.url + "atom/").content)
    assert SECRET not in " ".join(e.title for e in feed.entries)


@pytest.mark.django_db
def test_the_one_query_filter_agrees_with_wagtail_on_every_page(demo_content):
    """core.privacy.public (a subquery) and Wagtail's public() (a query, then a filter)
    leave out the same pages: a restricted section with its descendants, a single page, a
    login and a group restriction."""
    from django.contrib.auth.models import Group

    from wagtail.models import Page

    from core.privacy import public, public_for_search

    news_index = NewsPage.objects.live().filter(locale__language_code="de").first().get_parent()
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    guide = GuidePage.objects.live().filter(locale__language_code="uk").first()
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    decision = DecisionPage.objects.live().filter(locale__language_code="en").first()
    restriction = PageViewRestriction.objects.create(
        page=decision, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Counsellors"))
    ours = set(public(Page.objects.all()).values_list("pk", flat=True))
    assert ours == set(Page.objects.public().values_list("pk", flat=True))
    for_search = public_for_search(Page.objects.all())  # path prefixes, for the engines
    assert set(for_search.values_list("pk", flat=True)) == ours
    hidden = set(Page.objects.values_list("pk", flat=True)) - ours
    assert news_index.pk in hidden and guide.pk in hidden and decision.pk in hidden
    assert set(news_index.get_descendants().values_list("pk", flat=True)) <= hidden
    assert news_index.get_parent().pk not in hidden  # the home page above stays public


@pytest.mark.django_db
def test_a_page_made_private_leaves_the_search_results_at_once(
    demo_content, settings, django_capture_on_commit_callbacks
):
    """With the content cache on (the restricted paths are kept there), a restriction
    added after readers searched hides the page from the next search."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTENT_CACHE_SECONDS = 300
    cache.clear()
    guide = GuidePage.objects.live().filter(locale__language_code="en").first()
    reader = Client()
    search = "/en/search/?q=" + guide.title
    assert guide.url in reader.get(search).content.decode()
    assert guide.url in reader.get(search).content.decode()  # the paths are kept now
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    assert guide.url not in reader.get(search).content.decode()
    cache.clear()


@pytest.mark.django_db
def test_words_of_a_private_page_are_never_offered_as_a_spelling(demo_content):
    """Typo correction ("Did you mean") draws on the words of published pages: a private page
    published (or edited and published again) must not teach it its words."""
    import re

    guide = GuidePage.objects.live().filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    guide.title = "Zorblewick crossing: counsellors only"
    guide.save_revision().publish()
    html = Client().get("/en/search/", {"q": "zorblewik"}).content.decode()
    assert "zorblewick" not in html.lower()
    assert not re.search(r'class="search-suggestion"', html)


def _offered_spelling(language, query):
    html = Client().get(f"/{language}/search/", {"q": query}).content.decode()
    found = re.search(r'class="search-suggestion"[^>]*>(.*?)</p>', html, re.S)
    return html_unescape(re.sub(r"<[^>]+>", " ", found.group(1))).lower() if found else ""


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["made private", "unpublished", "deleted"])
def test_words_a_page_had_when_public_are_not_offered_after_it_left(demo_content, change):
    """The vocabulary learns a page's words when it is published and keeps them until it is
    rebuilt. Once the page is behind a login, unpublished or deleted, "Did you mean" must not
    offer them: in Latin letters or misspelt, its words would show what it says."""
    from search import vocabulary

    guide = GuidePage.objects.live().filter(locale__language_code="ru").first()
    guide.title = "Зорбливик: переход для консультантов"
    guide.save_revision().publish()
    vocabulary.rebuild(["ru"])
    assert "зорбливик" in _offered_spelling("ru", "зорбливек")  # public: a fair correction
    assert "зорбливик" in _offered_spelling("ru", "zorblivik")
    if change == "made private":
        PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    elif change == "unpublished":
        guide.unpublish()
    else:
        guide.delete()
    for typed in ("зорбливек", "zorblivik"):
        assert "зорбливик" not in _offered_spelling("ru", typed), (change, typed)
    # Nor does the API answer a query with the word differently from one with a made-up
    # word (it would tell that some page had it): both list the pages with the other word.
    reader = Client()

    def api_titles(query):
        found = reader.get("/api/v2/pages/", {"search": query, "locale": "ru"}).json()
        return {item["title"] for item in found["items"]}

    with_word = api_titles("зорбливик мобилизация")
    assert with_word and with_word == api_titles("зорблывык мобилизация")


@pytest.mark.django_db
def test_an_article_number_finds_no_rule_of_a_profile_made_private(
    demo_content, settings, django_capture_on_commit_callbacks
):
    """The rules an article number finds are kept per locale (content cache): a profile put
    behind a login since must drop out of them with the next search."""
    from django.core.cache import cache

    from knowledge.models import LegalRule

    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTENT_CACHE_SECONDS = 300
    cache.clear()
    rule = next(
        r
        for r in LegalRule.objects.filter(locale__language_code="ru").select_related("profile")
        if re.search(r"\b\d{3}\b", r.article) and r.profile.live
    )
    number = re.search(r"\b(\d{3})\b", rule.article).group(1)
    reader = Client()
    assert f"#{rule.anchor}" in reader.get("/ru/search/", {"q": f"ст. {number}"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=rule.profile, restriction_type=PageViewRestriction.LOGIN
        )
    html = reader.get("/ru/search/", {"q": f"ст. {number}"}).content.decode()
    assert f"#{rule.anchor}" not in html
    assert rule.profile.url not in html
    cache.clear()


@pytest.mark.django_db
def test_no_language_switcher_or_hreflang_leads_to_a_private_translation(demo_content):
    """The switcher and <link rel=alternate hreflang> of a public page name its translations'
    addresses: a private translation's address (its slug often says what it is about) must
    not be among them."""
    english = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    russian = english.get_translation(Locale.objects.get(language_code="ru"))
    russian.slug = "vstrecha-konsultantov"
    make_private(russian)
    html = Client().get(english.url).content.decode()
    assert NewsPage.objects.get(pk=russian.pk).url.endswith("/vstrecha-konsultantov/")
    assert "vstrecha-konsultantov" not in html
    assert 'href="/ru/"' in html  # the switcher's Russian entry leads to the Russian home


@pytest.mark.django_db
def test_no_translation_notice_leads_to_a_private_english_original(demo_content):
    """A translation that lags its English original links to it (the notice on the page, the
    comparison row, the API's source_url): not when the original is private."""
    english = CountryProfilePage.objects.live().filter(locale__language_code="en").first()
    german = english.get_translation(Locale.objects.get(language_code="de"))
    english.slug = "counsellors-only-profile"
    make_private(english)  # published again: the German translation now lags it
    reader = Client()
    comparison = german.get_parent().specific
    pages = [german.url, comparison.url + comparison.reverse_subpage("comparison")]
    for url in pages:
        html = reader.get(url).content.decode()
        assert "counsellors-only-profile" not in html, url
    api = reader.get(
        "/api/v2/pages/",
        {"type": "knowledge.CountryProfilePage", "locale": "de", "fields": "source_url"},
    ).json()
    assert "counsellors-only-profile" not in str(api)


@pytest.mark.django_db
def test_a_page_password_cannot_be_found_by_trying_many(demo_content):
    """Wagtail checked a private page's shared password as often as anyone posted it (75 a
    second from one script). After a few wrong ones, even the right one is refused for a
    while, whoever sends it, and says why."""
    import re

    from django.core.cache import cache

    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    make_private(news)
    form = Client().get(news.url).content.decode()
    action = re.search(r'<form action="([^"]+)" method="POST"', form).group(1)
    guesser = Client()
    try:
        for n in range(30):
            guesser.post(action, {"password": f"guess-{n}", "return_url": news.url})
        reader = Client()
        response = reader.post(action, {"password": "pw-only", "return_url": news.url})
        assert response.status_code == 429
        assert "Too many wrong passwords" in response.content.decode()
        assert SECRET not in reader.get(news.url).content.decode()
    finally:
        cache.clear()


@pytest.mark.django_db
def test_the_page_password_limit_holds_while_redis_is_unreachable(demo_content, redis_unreachable):
    """The count of wrong passwords lived only in Redis: while it was away, nothing stopped a
    guesser. Each worker counts too."""
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    make_private(news)
    form = Client().get(news.url).content.decode()
    action = re.search(r'<form action="([^"]+)" method="POST"', form).group(1)
    guesser = Client()
    for n in range(30):
        guesser.post(action, {"password": f"guess-{n}", "return_url": news.url})
    response = Client().post(action, {"password": "pw-only", "return_url": news.url})
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()


@pytest.mark.django_db
def test_a_pass_through_a_page_password_ends_with_the_browser_or_after_hours(
    demo_content, settings
):
    """A seized or shared phone must not keep, for two weeks, a session that opens the
    private page (Django's default): the cookie ends with the browser, the session itself
    after SESSION_HOURS (12) at the latest."""
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    make_private(news)
    reader = Client()
    form = reader.get(news.url).content.decode()
    action = html_unescape(re.search(r'<form action="([^"]+)" method="POST"', form).group(1))
    response = reader.post(action, {"password": "pw-only", "return_url": news.url})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]  # Wagtail's own, kept
    assert SECRET in html_unescape(reader.get(news.url).content.decode())
    session = Session.objects.get(session_key=cookie.value)
    assert session.expire_date <= timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert settings.SESSION_COOKIE_AGE <= 24 * 3600, "not two weeks"


@pytest.mark.django_db
def test_a_private_knowledge_base_is_not_announced_on_the_home_page_or_in_search(demo_content):
    """Its buttons ("What applies to me?") would lead readers to a password form."""
    from knowledge.models import KnowledgeIndexPage

    index = KnowledgeIndexPage.objects.get(locale__language_code="en")
    reader = Client()
    guide = index.url + index.reverse_subpage("situation_guide")
    nothing = {"q": "zzqxv"}  # no page has it: the search offers the situation guide
    assert f'href="{guide}"' in reader.get("/en/").content.decode()
    assert f'href="{guide}"' in reader.get("/en/search/", nothing).content.decode()
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="pw-only"
    )
    home = reader.get("/en/").content.decode()
    assert f'href="{index.url}"' not in home and guide not in home
    assert guide not in reader.get("/en/search/", nothing).content.decode()
