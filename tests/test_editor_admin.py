"""Reviewers and editors find their way in the admin: the legal review report groups by page
and links each rule, rule panels are titled by their heading, the preview panel shows the page,
news and guides choose English countries, a news item is dated today, and the explorer opens
sections."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from knowledge.models import Country, CountryProfilePage, KnowledgeIndexPage
from knowledge.reports import due_for_review
from knowledge.review import REVIEWERS_GROUP
from news.models import NewsIndexPage, NewsPage

from .knowledge_helpers import edit_rule_and_publish, profile


@pytest.fixture
def reviewer(django_user_model, demo_content):
    user = django_user_model.objects.create_user("reviewer", password="pw")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.fixture
def editor(django_user_model, demo_content):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# --- the legal review report -----------------------------------------------------------


def report_rows(html):
    """{(title, language): the row's HTML} of the report's table."""
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)[1:]:
        title = re.search(r'<a href="/admin/pages/\d+/edit/"[^>]*>\s*([^<]+?)\s*</a>', row)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        if title and len(cells) > 2:
            rows[(title.group(1), re.sub(r"<[^>]+>|\s", "", cells[2]))] = row
    return rows


@pytest.mark.django_db
def test_review_report_has_one_row_per_page_and_language_linking_its_rules(client, reviewer):
    page = profile("belarus")
    CountryProfilePage.objects.filter(slug="belarus").update(
        last_reviewed=timezone.localdate() - timedelta(days=400)
    )
    rules = list(page.rules.order_by("sort_order", "pk"))
    edit_rule_and_publish(page, rules[2].heading, under_review=True, review_note="Amended.")

    client.force_login(reviewer)
    html = client.get(reverse("knowledge_due_for_review")).content.decode()
    rows = report_rows(html)
    # Before, each of Belarus's rules had a row in each language ("heading (Belarus)").
    assert not any(title.endswith("(Belarus)") for title, _language in rows)
    belarus = rows[("Belarus", "en")]
    assert "Review overdue" in belarus
    rule_link = f'href="/admin/pages/{page.pk}/edit/#inline_child_rules-2-panel-section">'
    assert f"{rule_link}{rules[2].heading}</a>" in belarus
    assert "Under review: Amended." in belarus
    russian = profile("belarus", "ru").title
    assert (russian, "ru") in rows

    # Filters: by language and by country.
    url = reverse("knowledge_due_for_review")
    filtered = report_rows(client.get(url, {"language": "ru", "country": "BY"}).content.decode())
    assert set(filtered) == {(russian, "ru")}
    assert len(due_for_review(180)) > len(filtered)


@pytest.mark.django_db
def test_rule_panels_are_titled_by_the_rule_heading(admin_client, demo_content):
    page = profile("russia")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    titles = [
        " ".join(re.sub(r"<[^>]+>", " ", heading).split())
        for heading in re.findall(
            r'id="inline_child_rules-\d+-panel-heading" data-panel-heading>(.*?)</h2>',
            html,
            flags=re.S,
        )
    ]
    rules = list(page.rules.order_by("sort_order", "pk"))
    assert len(titles) == len(rules)
    for title, rule in zip(titles, rules, strict=True):
        assert title.endswith(rule.heading), title  # was "Rule" (and a number, by script)


# --- the preview panel -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_preview_panel_may_frame_the_page_and_readers_pages_may_not_be_framed(
    admin_client, demo_content
):
    page = KnowledgeIndexPage.objects.get(locale__language_code="en")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(admin_client.get(edit).content.decode(), form_id="page-edit-form")
    data["introduction"] = "A previewed introduction."
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(preview, data).json()["is_valid"]

    # What the admin's preview iframe loads.
    response = admin_client.get(preview, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "A previewed introduction." in response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "frame-ancestors 'none'" not in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"

    public = admin_client.get(page.url)
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"


# --- news -------------------------------------------------------------------------------


def news_add_url():
    index = NewsIndexPage.objects.get(locale__language_code="en")
    return reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])


@pytest.mark.django_db
def test_a_news_item_is_dated_today_and_chooses_english_countries(client, editor):
    client.force_login(editor)
    html = client.get(news_add_url()).content.decode()
    assert re.search(rf'id="id_date"[^>]*value="{timezone.localdate().isoformat()}"', html) or (
        re.search(rf'value="{timezone.localdate().isoformat()}"[^>]*id="id_date"', html)
    )
    # No more <select multiple> of every country row in five languages.
    assert '<select name="countries"' not in html
    assert "data-multiple-chooser" in html and "Add countries" in html

    chooser = reverse("english_countries:choose")
    listing = client.get(chooser, {"multiple": "1"}).json()["html"]
    english = Country.objects.filter(locale__language_code="en")
    assert len(re.findall(r'name="id" value="\d+"', listing)) == english.count()
    searched = client.get(reverse("english_countries:choose_results"), {"q": "bela"})
    assert "Belarus" in searched.content.decode() and "Russia" not in searched.content.decode()


@pytest.mark.django_db
def test_the_chosen_countries_are_saved_and_only_english_ones_are_accepted(client, editor):
    belarus = Country.objects.get(code="BY", locale__language_code="en")
    russian_belarus = Country.objects.get(code="BY", locale__language_code="ru")
    client.force_login(editor)
    data = querydict_from_html(
        client.get(news_add_url()).content.decode(), form_id="page-edit-form"
    )
    data.update({"title": "Chooser test", "slug": "chooser-test", "teaser": "A teaser."})
    data["body-count"] = "0"  # the StreamFields' (the admin's script adds them)
    data["sources-count"] = "0"
    data.setlist("countries", [str(russian_belarus.pk)])
    response = client.post(news_add_url(), data)
    assert response.status_code == 200  # refused: not an English country
    assert not NewsPage.objects.filter(slug="chooser-test").exists()

    data.setlist("countries", [str(belarus.pk)])
    assert client.post(news_add_url(), data).status_code == 302
    news = NewsPage.objects.get(slug="chooser-test")
    assert list(news.countries.all()) == [belarus]
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()
    assert f'name="countries" value="{belarus.pk}"' in edit_html
    assert news.date == timezone.localdate()


# --- the explorer -----------------------------------------------------------------------


@pytest.mark.django_db
def test_explorer_titles_open_sections_and_edit_pages(client, editor):
    client.force_login(editor)
    home = Page.objects.get(depth=2, locale__language_code="en")
    html = client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    news = NewsIndexPage.objects.get(locale__language_code="en")
    # A section's title opens its pages (as its folder icon does), not its own form.
    title_link = re.search(rf'<a href="([^"]+)"[^>]*>\s*<span id="page_{news.pk}_title">', html)
    assert title_link and title_link.group(1) == reverse("wagtailadmin_explore", args=[news.pk])

    html = client.get(reverse("wagtailadmin_explore", args=[news.pk])).content.decode()
    item = NewsPage.objects.child_of(news).first()
    title_link = re.search(rf'<a href="([^"]+)"[^>]*>\s*<span id="page_{item.pk}_title">', html)
    assert title_link and title_link.group(1) == reverse("wagtailadmin_pages:edit", args=[item.pk])
