"""Fill a database with a large site: many news items and guides in every language.

Built on the demo content (home, knowledge base, news index and campaign in five
languages, made by `load_demo_content`), it adds N English news items and M guides and,
for each, a translation into every other language. Translations are pages with the
source's translation_key in the translated parent, the shape wagtail-localize gives (the
test factories do the same); they are not registered with wagtail-localize's editor,
which a benchmark of reading does not need. Text is random sentences made of the words of
the demo pages of the same language, so search and rendering see real scripts and lengths.

Speed: saving pages one by one through Wagtail (`add_child`) runs full validation, the
reference index and the search index for each page: about 55 pages/s on SQLite and 10 on
PostgreSQL on the bench machine. `bulk_add_children` writes a whole batch of live pages
with a few multi-row INSERTs instead (tree paths computed the way treebeard does), then
`update_index` rebuilds the search index in one pass. Bulk pages have no revisions and no
reference-index rows (the admin's "usage" counts); `manage.py rebuild_references_index`
adds the latter if needed.
"""

import random
import re
import time
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

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
        self.random = random.Random(seed)

    def sentence(self, low=7, high=16):
        chosen = self.random.choices(self.words, k=self.random.randint(low, high))
        return " ".join(chosen).capitalize() + "."

    def text(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self):
        return self.sentence(4, 9).rstrip(".")


def bulk_add_children(parent, pages):
    """Insert unsaved live pages of one specific type as the last children of `parent`:
    one multi-row INSERT into wagtailcore_page, one into the type's own table."""
    model = type(pages[0])
    parent.refresh_from_db()
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    for n, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + n)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title, page.content_type = page.title, content_type
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now

    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.pk = page.page_ptr_id = row.pk

    # Django's bulk_create refuses multi-table inheritance: the type's own row by hand.
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model)
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = [
        [f.get_db_prep_save(f.pre_save(page, add=True), connection) for f in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def _indexes():
    from knowledge.models import KnowledgeIndexPage
    from news.models import NewsIndexPage

    def by_language(model):
        return {p.locale.language_code: p for p in model.objects.select_related("locale")}

    news, knowledge = by_language(NewsIndexPage), by_language(KnowledgeIndexPage)
    if "en" not in news or "en" not in knowledge:
        raise RuntimeError("The demo content is missing: run `manage.py load_demo_content`.")
    return news, knowledge


def generate(news=2000, guides=200, languages=None, seed=7, index=True, batch=500, log=print):
    """Create `news` news items and `guides` guides in English plus a translation of each
    in every other language (default: all five), then (`index`) rebuild the search index.
    Returns {"pages": n, "seconds": s, "index_seconds": s}."""
    from knowledge.models import Country, GuidePage
    from news.models import NewsPage, NewsTopic

    news_indexes, knowledge_indexes = _indexes()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    languages = [code for code in (languages or locales) if code in news_indexes]
    writers = {
        code: Writer(vocabulary(locales[code]) or vocabulary(locales["en"]), seed + i)
        for i, code in enumerate(sorted(languages))
    }
    countries = list(Country.objects.filter(locale=locales["en"]))
    topics = list(NewsTopic.values)
    rand = random.Random(seed)
    through = NewsPage.countries.through

    def news_page(i, code, source):
        writer = writers[code]
        return NewsPage(
            title=writer.title(),
            slug=f"bulk-news-{i}",
            locale=locales[code],
            translation_key=source.translation_key,
            date=source.date,
            teaser=writer.text(2)[:400],
            body=[("paragraph", RichText(f"<p>{writer.text(5)}</p>")) for _ in range(3)],
            topic=source.topic,
            organisation="Bench e.V.",
        )

    def guide_page(i, code, source):
        writer = writers[code]
        return GuidePage(
            title=writer.title(),
            slug=f"bulk-guide-{i}",
            locale=locales[code],
            translation_key=source.translation_key,
            summary=writer.text(3),
            body=[("paragraph", RichText(f"<p>{writer.text(6)}</p>")) for _ in range(4)],
        )

    def news_source(i):
        return NewsPage(date=date(2026, 1, 1) - timedelta(days=i // 2), topic=rand.choice(topics))

    plan = [
        ("news", news, news_page, news_source, news_indexes, NewsPage),
        ("guide", guides, guide_page, lambda i: GuidePage(), knowledge_indexes, GuidePage),
    ]
    start, created = time.perf_counter(), 0
    for kind, count, make, make_source, parents, model in plan:
        # Numbers continue after earlier runs, so slugs stay unique under each parent.
        offset = model.objects.filter(
            locale=locales["en"], slug__startswith=f"bulk-{kind}-"
        ).count()
        for first in range(0, count, batch):
            numbers = range(offset + first, offset + min(first + batch, count))
            sources = {i: make_source(i) for i in numbers}
            with transaction.atomic():
                for code in languages:
                    pages = [make(i, code, sources[i]) for i in numbers]
                    bulk_add_children(parents[code], pages)
                    created += len(pages)
                    if model is NewsPage and countries:
                        through.objects.bulk_create(
                            through(newspage_id=page.pk, country=rand.choice(countries))
                            for page in pages
                        )
            elapsed = time.perf_counter() - start
            log(
                f"{kind}: {first + len(numbers)}/{count} × {len(languages)} languages, "
                f"{created} pages, {created / elapsed:.0f} pages/s"
            )
    result = {"pages": created, "seconds": time.perf_counter() - start, "index_seconds": 0.0}
    if index:
        from search import vocabulary as search_vocabulary

        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        # Bulk pages send no publish signal: the words typo correction and Latin letters
        # are matched against come from a rebuild (search/vocabulary.py).
        search_vocabulary.rebuild()
        result["index_seconds"] = time.perf_counter() - started
    return result
