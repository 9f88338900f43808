"""The content cache is reached only through the named lookups of core/content_cache.py: each
entry of its catalogue (LOOKUPS) has one function, decorated with @content_lookup, that builds
its key from the arguments. A key string built by hand in a domain module could leave out an
argument and hand one reader another page's answer; these tests keep that from coming back."""

import ast
import importlib
import pkgutil
import re
import time
from pathlib import Path
from types import SimpleNamespace

from django.apps import apps
from django.core.cache import cache
from django.test import RequestFactory

from wagtail.models import Locale, Page

import pytest

from core import content_cache
from core.content_cache import LOOKUPS, ContentCacheMiddleware, Lookup, content_lookup

ROOT = Path(__file__).resolve().parents[1]
CORE_MODULE = ROOT / "core" / "content_cache.py"


def _project_sources():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] == "tests" or any(p.startswith(".") or p == "node_modules" for p in parts):
            continue
        yield path


def _import_every_app_module():
    """Every module of the project's apps, as a running site may import them."""
    for config in apps.get_app_configs():
        path = Path(config.path)
        # Not the installed packages (a virtualenv may sit inside the checkout: .venv).
        if not path.is_relative_to(ROOT) or any(
            p.startswith(".") for p in path.relative_to(ROOT).parts
        ):
            continue
        package = importlib.import_module(config.name)
        for found in pkgutil.walk_packages(package.__path__, prefix=f"{config.name}."):
            if ".migrations" not in found.name and ".tests" not in found.name:
                importlib.import_module(found.name)


def test_only_the_content_cache_module_calls_the_cache():
    calls = re.compile(r"\b_?cached_content\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _project_sources()
        if path != CORE_MODULE
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if calls.search(line)
    ]
    assert not offenders, "use @content_lookup (core/content_cache.py) instead: " + ", ".join(
        offenders
    )


def test_the_catalogue_names_each_entry_once():
    """A repeated key in a dict literal silently replaces the first entry."""
    tree = ast.parse(CORE_MODULE.read_text())
    catalogue = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "LOOKUPS" for t in node.targets)
    )
    names = [key.value for key in catalogue.keys]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert set(names) == set(LOOKUPS)


def test_every_catalogue_entry_is_reached_by_one_decorated_function():
    _import_every_app_module()
    in_use = content_cache.lookups_in_use()
    assert set(LOOKUPS) - set(in_use) == set(), "catalogue entries nothing reaches"
    assert set(in_use) == set(LOOKUPS)
    # Each function carries its name (a second function for a name fails at import: below).
    for name, where in in_use.items():
        module, _dot, qualname = where.rpartition(".")
        function = getattr(importlib.import_module(module), qualname)
        assert function.content_lookup == name


def test_a_lookup_must_be_in_the_catalogue_and_take_its_arguments():
    with pytest.raises(ValueError, match="not in core.content_cache.LOOKUPS"):
        content_lookup("no-such-lookup")

    with pytest.raises(ValueError, match="keyed by"):

        @content_lookup("latest-news")
        def latest_news(country_id, locale_id):  # the limit is left out of the key
            return []

    with pytest.raises(ValueError, match="keyed by"):

        @content_lookup("sections")
        def sections(home, request):  # the request would be part of the key
            return []

    _import_every_app_module()
    with pytest.raises(ValueError, match="already"):

        @content_lookup("latest-news")
        def latest_news_again(country_id, locale_id, limit=5):
            return []


@pytest.fixture
def trial_lookups(monkeypatch, settings):
    """Two entries for these tests only, and a reader's request to use them in."""
    settings.CONTENT_CACHE_SECONDS = 300
    cache.clear()
    monkeypatch.setitem(LOOKUPS, "trial", Lookup(("page", "language"), "a trial"))
    monkeypatch.setitem(
        LOOKUPS, "trial-none", Lookup(("page",), "a trial", reads=("extra",), keeps_none=True)
    )
    monkeypatch.setattr(content_cache, "_in_use", {})

    def as_reader(read):
        middleware = ContentCacheMiddleware(lambda request: read())
        return middleware(RequestFactory().get("/en/"))

    yield as_reader
    cache.clear()


@pytest.mark.django_db
def test_a_lookup_keeps_one_answer_per_argument_within_readers_requests(trial_lookups):
    asked = []

    @content_lookup("trial")
    def title(page, language):
        asked.append((page.pk, language))
        return f"{page.title} ({language})"

    first, second = Page.objects.filter(depth=2).order_by("pk")[:2]
    answers = trial_lookups(
        lambda: [title(first, "en"), title(second, "en"), title(first, language="de")]
    )
    again = trial_lookups(
        lambda: [title(first, "en"), title(second, "en"), title(first, language="de")]
    )
    assert (
        answers == again == [f"{first.title} (en)", f"{second.title} (en)", f"{first.title} (de)"]
    )
    assert asked == [(first.pk, "en"), (second.pk, "en"), (first.pk, "de")]  # once each

    title(first, "en")  # outside a reader's request: always asked
    assert len(asked) == 4


@pytest.mark.django_db
def test_none_is_asked_again_unless_the_catalogue_keeps_it(trial_lookups):
    asked = []

    @content_lookup("trial")
    def missing(page, language):
        asked.append("missing")
        return None

    @content_lookup("trial-none")
    def none_kept(page, *, extra):
        asked.append(extra)
        return None

    page = Page.objects.filter(depth=2).first()
    for _request in range(2):
        trial_lookups(lambda: (missing(page, "en"), none_kept(page, extra="not in the key")))
    assert asked == ["missing", "not in the key", "missing"]


def _in_process_trial(monkeypatch):
    """An `in_process` trial lookup by language, and the languages it was computed for."""
    monkeypatch.setitem(LOOKUPS, "trial", Lookup(("language",), "a trial", in_process=True))
    asked = []

    @content_lookup("trial")
    def paths(language):
        asked.append(language)
        return (f"/{language}/", len(asked))

    return paths, asked


@pytest.mark.django_db
def test_an_in_process_answer_is_unpickled_once_and_dropped_by_a_publish(
    trial_lookups, monkeypatch, django_capture_on_commit_callbacks
):
    """An `in_process` entry is read from the worker's memory (the same object each time,
    no trip to the shared cache), until a publish starts a new generation."""
    from core.page_cache import purge_page_cache

    paths, asked = _in_process_trial(monkeypatch)
    first = trial_lookups(lambda: paths("en"))
    shared_reads = []

    class SharedCache:  # the real cache, with its reads of content entries noted
        def __getattr__(self, name):
            return getattr(cache, name)

        def get(self, key, *args):
            if key.startswith("content."):
                shared_reads.append(key)
            return cache.get(key, *args)

    monkeypatch.setattr(content_cache, "cache", SharedCache())
    assert trial_lookups(lambda: paths("en")) is first
    assert asked == ["en"] and shared_reads == []  # from the worker's memory
    purge_page_cache()  # what every publish does
    assert trial_lookups(lambda: paths("en")) == ("/en/", 2)
    assert asked == ["en", "en"]


@pytest.mark.django_db
def test_an_in_process_answer_ends_with_the_content_cache_time(trial_lookups, monkeypatch):
    """Without a shared cache another worker's publish never reaches this worker's generation:
    its in-process answers (the restricted paths among them) must end like its other
    entries, after CONTENT_CACHE_SECONDS, not live as long as the worker."""
    paths, asked = _in_process_trial(monkeypatch)
    trial_lookups(lambda: paths("en"))
    trial_lookups(lambda: paths("en"))
    assert asked == ["en"]
    later = time.monotonic() + 301
    monkeypatch.setattr(content_cache, "time", SimpleNamespace(monotonic=lambda: later))
    cache.clear()  # the shared entry ends with the same time
    assert trial_lookups(lambda: paths("en")) == ("/en/", 2)


def test_a_key_is_made_only_of_plain_values_and_models():
    with pytest.raises(TypeError, match="dict"):
        content_cache._key_part({"country": "RU"})
    assert content_cache._key_part(Locale(pk=3)) == ("wagtailcore.locale", 3)
    assert content_cache._key_part(Locale) == "wagtailcore.locale"
