"""Which search backend answers for which language, and what it can do.

Without a search node there is one backend, Wagtail's database backend ("default"), for
every language. With a node (settings: ELASTICSEARCH_URL), each language has a backend
of its own, named by its language code, whose index holds that language's pages analysed
with that language's analyzer (search/backend_settings.py); "default" holds every page with
language-neutral analysis and serves the admin; "fallback" is the database backend that
answers while the node is down.
"""

from django.conf import settings

from wagtail.search.backends import get_search_backend

FALLBACK = "fallback"


def configured():
    return settings.WAGTAILSEARCH_BACKENDS


def backend_name_for(language_code):
    """The name of the backend that searches pages in `language_code`."""
    return language_code if language_code in configured() else "default"


def language_backend_names():
    """Names of the per-language backends (empty without a search node)."""
    languages = {code for code, _name in settings.LANGUAGES}
    return [name for name in configured() if name in languages]


def engine_backend_names():
    """Every backend kept up to date from the page tree besides the database."""
    return [name for name in configured() if not uses_database(name)]


def uses_database(backend_name):
    return ".database" in configured()[backend_name]["BACKEND"]


def has_fallback():
    return FALLBACK in configured()


def backend(name):
    return get_search_backend(name)
