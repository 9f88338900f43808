"""`make run PORT=…`: the development admin login and the demo Site follow the address the
server runs at, so "View live" and links in notification e-mails work."""

import io

from django.core.management import call_command

from wagtail.models import Site

import pytest


@pytest.mark.django_db
def test_create_dev_admin_points_the_site_at_the_running_server(demo_content, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("create_dev_admin", "--url", "http://127.0.0.1:8123/admin/", stdout=out)
    assert "http://127.0.0.1:8123/admin/" in out.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8123"
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ru")
    assert home.get_full_url() == "http://127.0.0.1:8123/ru/"
