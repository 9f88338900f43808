"""Readers' pages forbid inline code and other hosts; the admin keeps working."""

import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/ru/knowledge/russia/",
        "/uk/search/?q=x",
        "/de/news/",
        "/en/knowledge/compare/",
        "/be/no-such-page/",
    ],
)
def test_public_pages_have_strict_headers(client, demo_content, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    html = response.content.decode()
    # nothing the policy would block: no inline scripts or styles, no other hosts' assets
    # (scripts of our own from /static/ are allowed: the quick exit's Esc key, the search
    # page's optional suggestions)
    assert not re.search(r'<script(?![^>]*\bsrc="/static/[^"]+")', html)
    assert set(re.findall(r"<script[^>]*>([^<]*)</script>", html)) == {""}
    assert "<style" not in html and " style=" not in html
    assert 'src="http' not in html and 'rel="stylesheet" href="http' not in html


@pytest.mark.django_db
def test_admin_is_not_broken_by_the_reader_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_the_admin_sends_editors_browsers_to_no_other_host(admin_client):
    """Wagtail by default shows avatars from gravatar.com (with a hash of the editor's e-mail
    address) and checks releases.wagtail.org from the dashboard: editors' addresses would
    reach third parties."""
    html = admin_client.get("/admin/").content.decode()
    assert admin_client.get("/admin/account/").status_code == 200
    assert "gravatar.com" not in html + admin_client.get("/admin/account/").content.decode()
    assert 'data-controller="w-upgrade' not in html  # its script fetches the release file


@pytest.mark.django_db
def test_pages_with_a_form_that_posts_send_their_origin_but_no_referrer_to_other_sites(
    client, demo_content
):
    from campaign.models import AppealPage

    appeal = AppealPage.objects.get(locale__language_code="en", slug="appeal-bundestag")
    assert client.get(appeal.url)["Referrer-Policy"] == "no-referrer"  # a link to the form
    # The signature form: Chromium sends `Origin: null` under no-referrer, which Django's
    # CSRF check refuses (tests/browser signs an appeal in Chromium with this policy).
    response = client.get(appeal.url + "sign/")
    assert 'method="post"' in response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"
    # The admin's login form likewise.
    assert client.get("/admin/login/")["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_password_form_of_a_private_page_sends_its_origin(client, demo_content):
    """Wagtail's password form posts to this site: under no-referrer Chromium would send
    `Origin: null` and the CSRF check would refuse the right password too."""
    from wagtail.models import PageViewRestriction

    from news.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-words"
    )
    form = client.get(news.url)
    assert 'type="password"' in form.content.decode()
    assert form["Referrer-Policy"] == "same-origin"
    action = re.search(r'<form[^>]*action="([^"]+)"', form.content.decode()).group(1)
    wrong = client.post(action, {"password": "wrong", "return_url": news.url})
    assert 'type="password"' in wrong.content.decode()  # asked again, and may post again
    assert wrong["Referrer-Policy"] == "same-origin"
    right = client.post(action, {"password": "s3cret-words", "return_url": news.url})
    assert right.status_code == 302
    assert client.get(news.url)["Referrer-Policy"] == "no-referrer"  # the page itself


@pytest.mark.parametrize("url", ["/en/search/?q=%00", "/static/img/favicon.svg"])
def test_refused_addresses_and_static_files_carry_the_readers_policies(client, url):
    """The 400 for a NUL character and WhiteNoise's static files are answered before most
    middleware runs: they must not leave out the policies (an SVG opened on its own is a
    document with scripts of its own)."""
    response = client.get(url)
    assert response.status_code in (200, 400)
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
