"""Settings for the test suite: fast hashing, local memory cache, plain static files.

The database still comes from DATABASE_URL, so the same suite runs on SQLite
and on PostgreSQL.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
WAGTAILADMIN_BASE_URL = "http://testserver"
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
