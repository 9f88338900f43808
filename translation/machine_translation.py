"""Which machine translator the translation editor offers ("Translate with …"), from the
environment. Off unless configured: the page's text is sent to the service, so choosing one
is a decision for the operators (docs/translation.md).

- `DEEPL_API_KEY`: DeepL. wagtail-localize's own class picks the endpoint from the key: keys of
  the free plan end in ":fx" and go to api-free.deepl.com, others to api.deepl.com.
- `LIBRETRANSLATE_URL` (+ optional `LIBRETRANSLATE_API_KEY`): a self-hosted LibreTranslate.
- `MACHINE_TRANSLATOR`: `deepl`, `libretranslate`, `dummy` (reverses words; for trying the
  editor without a service) or `off`; needed only when both services are configured.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRANSLATORS = {
    # Ours skips the languages DeepL does not translate into (translation/deepl.py).
    "deepl": "translation.deepl.DeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}


def machine_translator_setting(environ):
    """The value for WAGTAILLOCALIZE_MACHINE_TRANSLATOR (None: no machine translation)."""
    deepl_key = environ.get("DEEPL_API_KEY", "").strip()
    libretranslate_url = environ.get("LIBRETRANSLATE_URL", "").strip()
    choice = environ.get("MACHINE_TRANSLATOR", "").strip().lower()

    if not choice:
        if deepl_key and libretranslate_url:
            raise ImproperlyConfigured(
                "Both DEEPL_API_KEY and LIBRETRANSLATE_URL are set: choose one with "
                "MACHINE_TRANSLATOR=deepl or MACHINE_TRANSLATOR=libretranslate."
            )
        choice = "deepl" if deepl_key else "libretranslate" if libretranslate_url else "off"

    if choice == "off":
        return None
    if choice not in TRANSLATORS:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR={choice!r} is not one of: off, {', '.join(TRANSLATORS)}."
        )

    options = {}
    if choice == "deepl":
        if not deepl_key:
            raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY.")
        options = {"AUTH_KEY": deepl_key}
    elif choice == "libretranslate":
        address = urlsplit(libretranslate_url)
        if address.scheme not in ("http", "https") or not address.netloc:
            raise ImproperlyConfigured(
                "LIBRETRANSLATE_URL must be the service's address, e.g. "
                f"https://translate.example.org (got {libretranslate_url!r})."
            )
        options = {
            # The class appends "/translate" itself.
            "LIBRETRANSLATE_URL": libretranslate_url.rstrip("/"),
            # The class always sends a key; an empty one suits services that need none.
            "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
        }
    return {"CLASS": TRANSLATORS[choice], "OPTIONS": options}
