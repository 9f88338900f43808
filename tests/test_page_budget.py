"""Every public page type stays light and cheap: its HTML and stylesheets weigh at most
30 KB compressed (readers on slow, watched or metered connections), and it takes a bounded
number of SQL queries that does not grow with the content shown."""

import gzip
import re

from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from campaign.models import AppealPage, CampaignIndexPage
from knowledge.models import DecisionIndexPage, DecisionPage, GuidePage, KnowledgeIndexPage

MAX_COMPRESSED_BYTES = 30 * 1024
# Queries for one page view, by page type: the most expensive demo page of each type, in
# English and in Russian (translations add the freshness notice's queries), plus two; every
# page has one for the footer's "Read this site safely" link.
# Readers mostly get pages from the page cache (no query at all); these bound a miss.
QUERY_BUDGET = {
    "homepage": 22,
    "knowledgeindexpage": 24,
    "countryprofilepage": 32,  # +2: its link to the application builder, a public page
    "applicationbuilderpage": 31,
    "guidepage": 24,
    "decisionindexpage": 24,
    "decisionpage": 31,
    "newsindexpage": 31,
    "newspage": 33,
    "campaignindexpage": 25,
    "appealpage": 30,
    "materialpage": 30,
    "fundraisingpage": 23,
    "helppage": 24,
    "safetypage": 22,
}
# Routes of routable pages, with their own budget (a translation's comparison and situation
# guide say which profiles lag their English originals: three queries for all of them).
ROUTES = {
    "/{lang}/knowledge/compare/": 29,  # +1: only public profiles (view restrictions)
    "/{lang}/knowledge/situation/?situation=mobilized&country=RU": 31,
    "/{lang}/news/rss/": 14,
    "/{lang}/knowledge/decisions/?origin=RU&outcome=rejected&page=1": 24,
    "/{lang}/knowledge/decisions/atom/": 14,
    "/{lang}/alternative-service/deadlines.ics": 25,
}
STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/([^"]+)"')


def public_pages(language_code):
    return [
        page
        for page in Page.objects.live()
        .filter(locale__language_code=language_code, depth__gt=1)
        .specific()
        if page.content_type.model in QUERY_BUDGET
    ]


def compressed_weight(html):
    """Bytes a browser downloads for the page: HTML and each stylesheet, gzipped."""
    weight = len(gzip.compress(html.encode()))
    for path in STYLESHEET.findall(html):
        with open(finders.find(path), "rb") as stylesheet:
            weight += len(gzip.compress(stylesheet.read()))
    return weight


def queries_for(url):
    client = Client()
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["en", "ru"])
def test_every_page_type_is_light_and_within_its_query_budget(demo_content, language_code):
    pages = public_pages(language_code)
    assert {page.content_type.model for page in pages} == set(QUERY_BUDGET)
    over = []
    for page in pages:
        count, html = queries_for(page.url)
        budget = QUERY_BUDGET[page.content_type.model]
        weight = compressed_weight(html)
        if count > budget or weight > MAX_COMPRESSED_BYTES:
            over.append(f"{page.url}: {count} queries (budget {budget}), {weight} bytes")
    for route, budget in ROUTES.items():
        url = route.format(lang=language_code)
        count, html = queries_for(url)
        weight = compressed_weight(html) if "<html" in html else 0
        if count > budget or weight > MAX_COMPRESSED_BYTES:
            over.append(f"{url}: {count} queries (budget {budget}), {weight} bytes")
    assert not over, "\n".join(over)


def add_children(parent, page_class, count, **fields):
    for number in range(count):
        parent.add_child(
            instance=page_class(
                title=f"Extra {number}",
                slug=f"extra-{page_class.__name__.lower()}-{number}",
                **fields,
            )
        )


@pytest.mark.django_db
def test_index_pages_take_as_many_queries_with_more_children(demo_content):
    knowledge = KnowledgeIndexPage.objects.get(locale__language_code="en")
    campaign = CampaignIndexPage.objects.get(locale__language_code="en")
    home = knowledge.get_parent()
    urls = [home.url, knowledge.url, campaign.url]
    before = {url: queries_for(url)[0] for url in urls}

    add_children(knowledge, GuidePage, 6, summary="A guide added for the test.")
    add_children(campaign, AppealPage, 6, addressee="The Bundestag", teaser="An appeal.")

    after = {}
    for url in urls:
        after[url], html = queries_for(url)
        if url != home.url:
            assert "Extra 5" in html, url  # the new children are listed
    assert after == before


@pytest.mark.django_db
def test_decision_pages_take_as_many_queries_with_more_decisions(demo_content):
    """The list, a profile showing decisions, the situation guide, the comparison and the
    feed read all decisions in one query (knowledge.decisions)."""
    index = DecisionIndexPage.objects.get(locale__language_code="en")
    model = DecisionPage.objects.filter(locale=index.locale).first()
    urls = [
        index.url,
        index.url + "?origin=RU",
        index.url + "atom/",
        "/en/knowledge/russia/",
        "/en/knowledge/situation/?situation=deserted&country=RU",
        "/en/knowledge/compare/",
    ]
    before = {url: queries_for(url)[0] for url in urls}
    for number in range(25):
        extra = DecisionPage(
            locale=index.locale,
            title=f"Extra decision {number}",
            slug=f"extra-decision-{number}",
            deciding_body=model.deciding_body,
            kind=model.kind,
            deciding_country=model.deciding_country,
            decided_on=model.decided_on,
            country=model.country,
            situation="deserters",
            outcome=model.outcome,
            topics=["asylum", "desertion"],
            reasoning="An extra decision.",
            sources=model.sources.raw_data,
        )
        extra.related_countries = list(model.related_countries.all())
        index.add_child(instance=extra)
        extra.save_revision().publish()
    after = {url: queries_for(url)[0] for url in urls}
    assert after == before
    assert "Extra decision 24" in queries_for(index.url)[1]
