"""One loader per part of the site, each a `load(context)`; run in this order (pages before
what links to them) by `manage.py load_demo_content`."""
