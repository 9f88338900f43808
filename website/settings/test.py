"""Settings for the test suite: fast hashing, local memory cache, plain static files.

The database still comes from DATABASE_URL, so the same suite runs on SQLite
and on PostgreSQL.
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests roll back the database after each test; a page cache would outlive that.
# tests/test_page_cache.py turns it on where it is the subject.
PAGE_CACHE_SECONDS = 0
CONTENT_CACHE_SECONDS = 0  # the same, for readers' lookups (tests/test_content_cache.py)
# Static files from the app and project directories, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Uploaded images and their renditions go to a directory of this run, not the project's
# media/ (tests/conftest.py removes it at the end).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="objectwar-test-media-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# A machine translator configured on the machine must not reach the tests (nor a service).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# With a search node (CI), each test session gets its own indexes, so concurrent or
# earlier runs cannot leave documents or mappings behind; tests/conftest.py deletes them.
if ELASTICSEARCH_URL:  # noqa: F405
    import uuid

    from search.backend_settings import search_backends

    TEST_INDEX_PREFIX = f"test{uuid.uuid4().hex[:8]}_"
    WAGTAILSEARCH_BACKENDS = search_backends(
        ELASTICSEARCH_URL,  # noqa: F405
        [code for code, _name in LANGUAGES],  # noqa: F405
        engine=SEARCH_ENGINE,  # noqa: F405
        index_prefix=TEST_INDEX_PREFIX,
        ukrainian_plugin=env.bool("ELASTICSEARCH_UKRAINIAN_PLUGIN", default=True),  # noqa: F405
        timeout=ELASTICSEARCH_TIMEOUT,  # noqa: F405
        index_timeout=ELASTICSEARCH_INDEX_TIMEOUT,  # noqa: F405
    )
    WAGTAILSEARCH_BACKENDS["fallback"] = {"BACKEND": "search.database"}

# tests/test_page_cache.py reads X-Page-Cache; production never sends it.
PAGE_CACHE_HEADER = True
