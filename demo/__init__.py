"""Demo content: the page tree in five languages, built through wagtail-localize.

The English content lives in demo/data/*.yaml and its translations in one PO catalogue per
language (demo/locale/<language>/LC_MESSAGES/demo.po); `demo.data` reads both. Each part of
the site has a loader in demo/loaders/ (a `load(context)` function); `manage.py
load_demo_content` runs them in order. Loaders are idempotent: they look up what exists and
only create what is missing.

Nothing outside this app imports it (tests may): the site works without demo content.
"""
