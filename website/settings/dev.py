"""Local development: SQLite, debug pages, an insecure but fixed secret key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A template or CSS change shows on the next reload; set PAGE_CACHE_SECONDS to try the cache.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

# Say on each response whether it came from the page cache (never in production).
PAGE_CACHE_HEADER = True
