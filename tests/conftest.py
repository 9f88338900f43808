from django.core.management import call_command

import pytest

LANGUAGE_CODES = ["en", "de", "ru", "uk", "be"]


@pytest.fixture
def demo_content(db, django_capture_on_commit_callbacks):
    """The demo page tree in five languages. wagtail-localize publishes translations
    on commit, so the callbacks are run as a real commit would."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def home_pages(demo_content):
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
