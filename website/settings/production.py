"""Production: every secret from the environment, HTTPS only, no debug output."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings refuse to start without it: "
        "set the SECRET_KEY environment variable to a long random string "
        '(for example: python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Static files under hashed names (cached for ever by browsers), pre-compressed with gzip
# (and Brotli if installed); WhiteNoise serves them. Needs `manage.py collectstatic`.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# One JSON object per line on stderr, without client addresses (core/log_format.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.log_format.JsonLinesFormatter"}},
    "filters": {"without_traceback": {"()": "core.log_format.WithoutTraceback"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json"},
        "stderr_one_line": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["without_traceback"],
        },
    },
    "root": {"handlers": ["stderr"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own handlers would print a second, unstructured copy.
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        # Search clients log request and response bodies (readers' queries) at DEBUG.
        **{
            name: {"level": "WARNING"}
            for name in ("elasticsearch", "elastic_transport", "opensearch", "urllib3")
        },
        # Every scanner sends wrong Host headers; one warning line each is enough.
        "django.security.DisallowedHost": {
            "handlers": ["stderr_one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
