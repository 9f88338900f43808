"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(documented in README.md); `dev`, `test` and `production` only change defaults.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import environ
from csp.constants import NONE, SELF

from core.cache_config import LOCAL_MEMORY_BACKEND, cache_config, release_id
from translation.machine_translation import machine_translator_setting

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "home",
    "knowledge",
    "alternative_service",  # the application builder (a page type under the knowledge base)
    "news",
    "campaign",
    "search",
    "safety",
    "translation",  # before wagtail_localize: its templates override the package's
    "accounts",
    "core",
    "mirror",  # static mirror copies and the mirror list (docs/mirrors.md)
    "demo",  # demo content and `load_demo_content`; nothing else imports it
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",  # does nothing until WAGTAILFRONTENDCACHE names a proxy
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",  # the signature form's countries, and their names' catalogues
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # the sitemap.xml template (core/sitemap.py)
    # Editors' login: optional TOTP second factor, failed-login lockout by user name.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",  # its system checks of the CONTENT_SECURITY_POLICY setting
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Readers' Content-Security-Policy and everyone's Permissions-Policy (policies below);
    # the admin's Referrer-Policy (core/headers.py). Before the two that answer early, so
    # that their responses (a 400, a static file) carry the policies too.
    "core.headers.ReaderCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.headers.AdminReferrerPolicyMiddleware",
    # `?x=%00` gets a 400 before any view or query sees it.
    "core.middleware.RefuseNulCharactersMiddleware",
    # Static files (hashed names, pre-compressed) before anything touches the database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every response and 304 on If-None-Match, cached responses included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside sessions, locale and CSRF: what it stores is what the reader got.
    "core.page_cache.PageCacheMiddleware",
    # Readers' site, locale, route and settings lookups kept until the next publish.
    "core.content_cache.ContentCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix,
    # and redirects unprefixed URLs by Accept-Language.
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A malformed CSRF cookie on a reader's GET earns no new cookie (core/csrf.py).
    "core.csrf.IgnoreMalformedCsrfCookieMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which device, if any, verified this session; then end sessions that skipped the
    # second factor their user needs (accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.VerifiedSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An admin save the busy database refused comes back with what the editor typed.
    "core.middleware.DatabaseBusyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Failed logins are recorded without the browser's User-Agent.
    "accounts.two_factor.NoUserAgentForAxesMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "mirror.context_processors.mirror",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# DATABASE_URL, e.g. postgres://user:password@127.0.0.1:5432/objectwar.
# Unset: an SQLite file in the project directory, which needs no server.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# SQLite with several editors at once (runserver's threads, each editor's pings and
# autosaves): readers never wait for the writer (WAL); a writer waits up to `timeout`
# seconds for another instead of failing; and every transaction takes the write lock when
# it begins (IMMEDIATE), so one that read first cannot fail with "database is locked" when
# it comes to write (tests/test_sqlite_concurrent_editors.py).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out user names
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. English is the source language of every page; the
# other four are translations made with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("be", "Беларуская"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# locale/: the project's interface (makemessages). locale_upstream/: the project's translations
# of Wagtail's and wagtail-localize's own strings where their catalogues lack or confuse them
# (docs/translation.md); the project's catalogue comes first, then these, then the packages'.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
# Dates and numbers follow the active language (Django's formats; core/formats/ adds "be").
FORMAT_MODULE_PATH = ["core.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
# The language lives in the URL; a language cookie would be a cookie for
# anonymous readers, so the switcher never sets one.
LANGUAGE_COOKIE_AGE = None

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "collected-static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Uploaded images and documents: the local MEDIA_ROOT unless MEDIA_STORAGE names another
# Django storage class (e.g. "storages.backends.s3.S3Storage" with MEDIA_STORAGE_OPTIONS as JSON).
STORAGES = {
    "default": {
        "BACKEND": env.str("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: files stream to disk past this size; a request body other than a file upload
# (an admin form, the signature form) may not exceed it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Caches: Redis when REDIS_URL (or CACHE_URL=redis://…) is set, shared by every worker;
# otherwise each process keeps its own in memory (CACHE_URL may also say filecache:///path).
CACHE_URL = env.str("REDIS_URL", default="") or env.str("CACHE_URL", default="")
# Every key carries the release (RELEASE_ID, else the git commit): a deploy starts with an
# empty cache instead of serving pages and objects pickled by the previous code.
RELEASE_ID = release_id(BASE_DIR)
CACHES = {"default": cache_config(CACHE_URL, RELEASE_ID)}
# django-redis logs what it ignored while Redis is away; core/log_format.OncePerMinute
# keeps that to one record a minute (core/apps.py).
# After a Redis call that timed out, this process does not ask Redis for this long
# (core/cache_breaker.py): a hung Redis costs one timeout, not one per cache call.
CACHE_BREAKER_SECONDS = env.float("CACHE_BREAKER_SECONDS", default=5.0)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "core.cache"
# A publish purges the cache of the worker that handled it. Only a cache shared by all
# workers (Redis, a file cache) passes that on; with each worker's own memory, the others
# show the old page until their copy expires, so copies are then kept for a minute only.
SHARED_CACHE = CACHES["default"]["BACKEND"] != LOCAL_MEMORY_BACKEND
# Anonymous readers' pages are served from the cache for this long, and purged on every
# publish (core/page_cache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600 if SHARED_CACHE else 60)
# Never in production: an `X-Page-Cache: hit` would tell anyone which URL another reader opened.
PAGE_CACHE_HEADER = False
# Readers' lookups (site, locale, routes, settings, language versions, news lists, a
# profile's rules) are kept this long, dropped by the same purge (core/content_cache.py).
# 0 turns them off.
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=3600 if SHARED_CACHE else 60)

# Reverse proxies whose X-Forwarded-For is believed (addresses or networks): the signature
# form's rate limit counts per client behind them (core/client_address.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
# Signatures accepted per hour: from one client address, and from everyone together (a flood
# from many addresses cannot bury the moderators' list).
SIGN_RATE_LIMIT = env.int("SIGN_RATE_LIMIT", default=5)
SIGN_GLOBAL_RATE_LIMIT = env.int("SIGN_GLOBAL_RATE_LIMIT", default=100)

# Outgoing e-mail (workflow notifications, new signatures for the moderators): EMAIL_URL, e.g.
# smtp+tls://user:password@mail.example.org:587. Unset: Django's default, SMTP on localhost:25.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "#ObjectWarCampaign"
# Rules and guides are published only by the legal review's approval, which this publishes
# without the plain publish permission nobody has on them (knowledge/review.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "knowledge.workflow_actions.publish_approved"
# No upgrade check: it has every administrator's browser fetch a file from releases.wagtail.org
# (their address would reach a third party). Operators follow releases through the pinned
# dependencies instead.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com (it would learn a hash of each editor's e-mail and their address).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")

# "Leave this site" (safety/): a busy, neutral site that readers' own countries do not block.
QUICK_EXIT_URL = env.str("QUICK_EXIT_URL", default="https://www.wikipedia.org/")
# Mirror copies (`manage.py export_mirror`, docs/mirrors.md): the main site's address, where a
# copy sends readers to sign; unset, the default Wagtail site's root URL.
MIRROR_MAIN_SITE_URL = env.str("MIRROR_MAIN_SITE_URL", default="")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# No SVG: an SVG file can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Uploads are written again from their pixels while the form is validated, without their
# metadata (GPS, camera, XMP…); a file that cannot be is refused (core/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.ImageForm"
# Renditions for readers on slow, metered connections: templates/components/picture.html
# asks for AVIF, WebP and JPEG; these qualities keep a 1200-pixel-wide photo to tens of KB.
WAGTAILIMAGES_AVIF_QUALITY = 55
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 80
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: off unless DEEPL_API_KEY or
# LIBRETRANSLATE_URL is set (translation/machine_translation.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(os.environ)

# Search: Wagtail's database backend unless ELASTICSEARCH_URL names a node. With a node,
# a "default" index (all languages, language-neutral folding) plus one index per language
# with that language's analyzer (search/backend_settings.py, docs/search-engine.md).
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
SEARCH_ENGINE = env.str("SEARCH_ENGINE", default="elasticsearch8")
# A reader's search waits at most this long for the node (to connect, then to read; never
# retried) before the database answers. Index writes happen in the queue worker
# (`manage.py search_index_worker`) with ELASTICSEARCH_INDEX_TIMEOUT.
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=1.0)
ELASTICSEARCH_INDEX_TIMEOUT = env.float("ELASTICSEARCH_INDEX_TIMEOUT", default=30.0)
# After the node fails, readers' requests leave it alone for this long (search/node.py).
SEARCH_NODE_COOLDOWN_SECONDS = env.int("SEARCH_NODE_COOLDOWN_SECONDS", default=30)
if ELASTICSEARCH_URL:
    from search.backend_settings import search_backends

    WAGTAILSEARCH_BACKENDS = search_backends(
        ELASTICSEARCH_URL,
        [code for code, _name in LANGUAGES],
        engine=SEARCH_ENGINE,
        index_prefix=env.str("ELASTICSEARCH_INDEX_PREFIX", default="objectwar_"),
        ukrainian_plugin=env.bool("ELASTICSEARCH_UKRAINIAN_PLUGIN", default=True),
        timeout=ELASTICSEARCH_TIMEOUT,
        index_timeout=ELASTICSEARCH_INDEX_TIMEOUT,
    )
    # Kept up to date alongside the node (synchronously), so search still answers while the
    # node is down or the queue has not reached it yet.
    WAGTAILSEARCH_BACKENDS["fallback"] = {"BACKEND": "search.database"}
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database"}}

# Privacy: the only cookies are the editors' session and CSRF cookies.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A session (an editor's login, a reader's pass through a page password) ends with the
# browser, and SESSION_HOURS after it was last changed (a login, another page's password),
# not two weeks later (Django's default): a seized or shared device keeps no lasting access.
# Editors sign in again after that, however active (the admin does not renew it).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_HOURS = env.float("SESSION_HOURS", default=12)
if not 0.25 <= SESSION_HOURS <= 24 * 14:
    # 0 would end every session at once: nobody could sign in, and nothing would say why.
    raise ImproperlyConfigured(f"SESSION_HOURS must be between 0.25 and 336, not {SESSION_HOURS}")
SESSION_COOKIE_AGE = int(SESSION_HOURS * 3600)
CSRF_COOKIE_SAMESITE = "Lax"
# The signature form's CSRF cookie ends with the browser session, not a year later.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "core.csrf.csrf_failure"
# Nobody learns where a reader came from, not even this site. Pages with a form that posts
# say "same-origin" themselves: under no-referrer Chromium sends `Origin: null` with the
# post, which Django's CSRF check rejects (core/headers.py, tests/browser/test_editorial.py).
SECURE_REFERRER_POLICY = "no-referrer"
# Readers' pages: nothing inline, nothing from other hosts. Not the admin, which needs
# inline scripts and styles (django-csp; previews: core.headers.ReaderCSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}
# Device APIs and ad-tracking interfaces off for every page (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Wagtail API v2 (read-only open data)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # The admin's session only (the admin API needs it; its sessions passed the second
    # factor). DRF's default HTTP Basic authentication would log in with a password alone:
    # a password oracle and the login-restricted pages for a thief (tests/test_admin_login.py).
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

# Frontend cache (a CDN or reverse proxy in front of gunicorn), purged by Wagtail on publish.
# FRONTEND_CACHE_URL is the proxy's purge endpoint (Wagtail's HTTP backend, e.g. Varnish or
# nginx with a purge module); CLOUDFLARE_* select Cloudflare instead. Unset: no frontend cache.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_URL"),
    }
if env.str("CLOUDFLARE_BEARER_TOKEN", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }

# Editors' login. Five wrong passwords lock the user name (not an address: none is stored)
# for 15 minutes. A second factor (TOTP app) is asked of every editor who has one
# (set up in the admin under Account → Two-factor authentication, or by an administrator with
# `manage.py add_totp_device USERNAME`); ADMIN_2FA_REQUIRED=true makes it compulsory.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes warns that locking by user name alone lets an attacker try many names from one
# address; locking by address would mean storing addresses, which this site never does.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_CLIENT_IP_CALLABLE = "accounts.two_factor.no_client_address"
AXES_DISABLE_ACCESS_LOG = True  # no row per successful login
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "user_agent"]  # masked in its log lines
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.two_factor.TwoFactorLoginForm"
# Pages restricted to logged-in users send readers to the admin's two-factor login.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
ADMIN_2FA_REQUIRED = env.bool("ADMIN_2FA_REQUIRED", default=False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
