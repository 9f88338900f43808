"""Demo content: the page tree in five languages, built through wagtail-localize.

Each app contributes a loader (a `load(context)` function); `load_demo_content`
runs them in order. Loaders must be idempotent: they look up what exists and
only create what is missing.
"""
