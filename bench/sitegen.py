"""Fill a database with a large site: many news items and guides in every language.

Built on the demo content (home, knowledge base, news index and campaign in five
languages, made by `load_demo_content`), it adds N English news items and M guides and,
for each, a translation into every other language. Translations are Wagtail copies with
the source's translation_key in the translated parent, the shape wagtail-localize gives
(tests/factories do the same); they are not registered with wagtail-localize's editor,
which a benchmark of reading does not need. Text is random sentences made of the words of
the demo pages of the same language, so search and rendering see real scripts and lengths.
"""

import random
import re
import time
from datetime import date, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary(locale):
    """The words of the live demo pages in `locale` (titles and short texts)."""
    words = set()
    for page in Page.objects.live().filter(locale=locale).specific():
        for field in ("title", "teaser", "summary", "introduction", "headline"):
            words.update(w.lower() for w in WORD.findall(str(getattr(page, field, "") or "")))
    return sorted(words)


class Writer:
    """Random but reproducible sentences in one language."""

    def __init__(self, words, seed):
        self.words = words
        self.random = random.Random(seed)  # noqa: S311 (reproducible text, not secrets)

    def sentence(self, low=7, high=16):
        chosen = self.random.choices(self.words, k=self.random.randint(low, high))
        return " ".join(chosen).capitalize() + "."

    def text(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self):
        return self.sentence(4, 9).rstrip(".")


def _indexes():
    from knowledge.models import KnowledgeIndexPage
    from news.models import NewsIndexPage

    def by_language(model):
        return {p.locale.language_code: p for p in model.objects.select_related("locale")}

    news, knowledge = by_language(NewsIndexPage), by_language(KnowledgeIndexPage)
    if "en" not in news or "en" not in knowledge:
        raise RuntimeError("The demo content is missing: run `manage.py load_demo_content`.")
    return news, knowledge


def _add(parent, page):
    parent.add_child(instance=page)
    return page


def without_auto_update():
    """Settings in which saving a page updates no search backend: indexing page by page is
    two thirds of the creation time, one `update_index` afterwards is much faster."""
    backends = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


def generate(news=2000, guides=200, languages=None, seed=7, index=True, log=print):
    """Create `news` news items and `guides` guides in English plus a translation of each
    in every other language (default: all five), then (`index`) rebuild the search index.
    The reference index (the admin's "usage" counts) is not updated for these pages.
    Returns {"pages": n, "seconds": s, "index_seconds": s}."""
    with without_auto_update(), disable_reference_index_auto_update():
        result = _create(news, guides, languages, seed, log)
    result["index_seconds"] = 0.0
    if index:
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        result["index_seconds"] = time.perf_counter() - started
    return result


def _create(news, guides, languages, seed, log):
    from knowledge.models import Country, GuidePage
    from news.models import NewsPage, NewsTopic

    news_indexes, knowledge_indexes = _indexes()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    languages = [code for code in (languages or locales) if code in news_indexes]
    others = [code for code in languages if code != "en"]
    writers = {
        code: Writer(vocabulary(locales[code]) or vocabulary(locales["en"]), seed + i)
        for i, code in enumerate(["en", *others])
    }
    countries = list(Country.objects.filter(locale=locales["en"]))
    topics = list(NewsTopic.values)
    rand = random.Random(seed)  # noqa: S311
    start, created = time.perf_counter(), 0

    def make_news(i, code, source=None):
        writer = writers[code]
        page = NewsPage(
            title=writer.title(),
            slug=f"bulk-news-{i}",
            locale=locales[code],
            date=source.date if source else date(2026, 1, 1) - timedelta(days=i // 2),
            teaser=writer.text(2)[:400],
            body=[("paragraph", RichText(f"<p>{writer.text(5)}</p>")) for _ in range(3)],
            topic=source.topic if source else rand.choice(topics),
            organisation=source.organisation if source else "Bench e.V.",
        )
        if source:
            page.translation_key = source.translation_key
        if countries:  # written with the page (a ParentalManyToManyField)
            page.countries.set(list(source.countries.all()) if source else [rand.choice(countries)])
        return _add(news_indexes[code], page)

    def make_guide(i, code, source=None):
        writer = writers[code]
        page = GuidePage(
            title=writer.title(),
            slug=f"bulk-guide-{i}",
            locale=locales[code],
            summary=writer.text(3),
            body=[("paragraph", RichText(f"<p>{writer.text(6)}</p>")) for _ in range(4)],
        )
        if source:
            page.translation_key = source.translation_key
        return _add(knowledge_indexes[code], page)

    # Numbers continue after earlier runs, so slugs stay unique under each parent.
    english = (
        NewsPage.objects.filter(locale=locales["en"]),
        GuidePage.objects.filter(locale=locales["en"]),
    )
    offsets = {
        "news": english[0].filter(slug__startswith="bulk-news-").count(),
        "guide": english[1].filter(slug__startswith="bulk-guide-").count(),
    }
    for kind, count, make in (("news", news, make_news), ("guide", guides, make_guide)):
        batch = 100
        for first in range(0, count, batch):
            with transaction.atomic():
                for n in range(first, min(first + batch, count)):
                    i = offsets[kind] + n
                    english = make(i, "en")
                    created += 1
                    for code in others:
                        make(i, code, english)
                        created += 1
            elapsed = time.perf_counter() - start
            log(
                f"{kind}: {min(first + batch, count)}/{count}, {created} pages, "
                f"{created / elapsed:.0f} pages/s"
            )
    seconds = time.perf_counter() - start
    return {"pages": created, "seconds": seconds}
