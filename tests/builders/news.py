"""Small builders for tests: a site in several languages, countries, news.

Translations are made with Wagtail's `copy_for_translation`, which gives the same
tree shape and translation keys wagtail-localize produces, without its slower
segment machinery.
"""

from datetime import date

from wagtail.models import Locale, Page, Site

from knowledge.models import Country
from news.models import NewsIndexPage, NewsPage, NewsTopic


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_site(languages=("en", "de", "ru", "uk", "be")):
    """The default site's home pages {code: home}: the existing ones (the test database
    holds the demo tree), or a new English home with translations."""
    from home.models import HomePage

    existing = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "en" in existing:
        for code in languages:
            if code not in existing:
                existing[code] = translate_page(existing["en"], code)
        return existing

    root = Page.get_first_root_node()
    for page in root.get_children().exact_type(Page):
        page.delete()
    english = Locale.objects.get(language_code="en")
    home = HomePage(
        title="Home",
        slug="home",
        locale=english,
        headline="Headline",
        introduction="Introduction",
        knowledge_call="Knowledge",
    )
    root.add_child(instance=home)
    publish(home)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, is_default_site=True, root_page=home)
    homes = {"en": home}
    for code in languages:
        if code != "en":
            homes[code] = translate_page(home, code)
    return homes


def translate_page(page, code):
    """A published copy of `page` in language `code` (its parent must be translated)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    return publish(translation)


def make_country(code, name, translations=None):
    """The English Country with this code (created if missing), with translated
    names {language code: name} where those are missing."""
    english = Locale.objects.get(language_code="en")
    country = Country.objects.filter(locale=english, code=code).first()
    if country is None:
        country = Country.objects.create(locale=english, code=code, name=name)
    for language, translated in (translations or {}).items():
        locale = Locale.objects.get(language_code=language)
        if country.has_translation(locale):
            continue
        copy = country.copy_for_translation(locale)
        copy.name = translated
        copy.save()
    return country


def make_news_index(home, title="News", slug="test-news"):
    index = NewsIndexPage(title=title, slug=slug, locale=home.locale)
    home.add_child(instance=index)
    return publish(index)


def make_news(index, day, title=None, countries=(), topic=NewsTopic.CAMPAIGN, **fields):
    title = title or f"News of {day.isoformat()}"
    page = NewsPage(
        title=title,
        slug=fields.pop("slug", None) or f"{title.lower().replace(' ', '-')}-{day.isoformat()}",
        locale=index.locale,
        date=day,
        teaser=fields.pop("teaser", f"Teaser of {title}"),
        topic=topic,
        **fields,
    )
    page.countries = list(countries)
    index.add_child(instance=page)
    return publish(page)


def make_many_news(index, count, start=date(2020, 1, 1), **fields):
    """`count` news items on consecutive days from `start`; the last is the newest."""
    from datetime import timedelta

    return [
        make_news(index, start + timedelta(days=n), title=f"Item {n + 1:03d}", **fields)
        for n in range(count)
    ]
