"""Demo news (demo/data/news.yaml): the news index and the Digest series in all five
languages, and the items in English, each also in every language whose catalogue translates
its title.

Items relate to the countries the knowledge loader creates (RU, BY, UA, UA-OCC) where those
exist; a missing country is skipped. Their sources are ids of knowledge/sources.yaml, shown
under the item like a rule's.
"""

from django.utils.text import slugify

from wagtail.models import Locale
from wagtail.rich_text import RichText

from knowledge.models import Country
from news.models import NewsIndexPage, NewsPage, NewsSeries, NewsTopic

from .. import data
from ..images import demo_image
from ..localize import translate
from .knowledge import _sources


def _countries(codes):
    """English Country rows by code; codes without a row are skipped."""
    return list(Country.objects.filter(code__in=codes, locale__language_code="en"))


def _lead_image_fields(item):
    image = item.get("lead_image")
    if not image:
        return {}
    return {
        "lead_image": demo_image(image["image"]),
        "lead_image_alt": image["alt"],
        "lead_image_caption": image.get("caption", ""),
        "lead_image_credit": image.get("credit", ""),
    }


def _slug(item):
    return item.get("slug") or slugify(item["title"])[:80]


def _page(index, english, item, series, catalogue):
    page = NewsPage(
        locale=english,
        title=item["title"],
        slug=_slug(item),
        date=item["date"],
        teaser=item["teaser"],
        body=[("paragraph", RichText(f"<p>{text.strip()}</p>")) for text in item["body"]],
        sources=_sources(item.get("sources", []), catalogue),
        topic=item["topic"],
        organisation=item["organisation"],
        series=series if item.get("series") else None,
        **_lead_image_fields(item),
    )
    page.countries = _countries(item.get("countries", []))
    index.add_child(instance=page)
    page.tags.add("objection" if item["topic"] != NewsTopic.ASYLUM else "asylum")
    page.save_revision().publish()
    return page


def load(context):
    content = data.news()
    phrasebooks = data.phrasebooks("news")
    english = Locale.objects.get(language_code="en")
    home = context["homes"]["en"]
    user = context.get("user")

    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(locale=english, **content["index"])
        home.add_child(instance=index)
        index.save_revision().publish()
    indexes = {"en": index}
    for code, phrasebook in phrasebooks.items():
        indexes[code] = translate(index, code, phrasebook, user=user)
    context["news_index"] = indexes

    series = NewsSeries.objects.filter(locale=english, name=content["series"]["name"]).first()
    if series is None:
        series = NewsSeries.objects.create(locale=english, **content["series"])
    for code, phrasebook in phrasebooks.items():
        translate(series, code, phrasebook, user=user)

    existing = {p.slug: p for p in NewsPage.objects.child_of(index)}
    catalogue = data.sources()
    by_title = {}
    for item in content["items"]:
        page = existing.get(_slug(item)) or _page(index, english, item, series, catalogue)
        by_title[item["title"]] = page

    for item in content["items"]:
        for code, phrasebook in phrasebooks.items():
            if item["title"] in phrasebook:  # no page that would be all English
                translate(by_title[item["title"]], code, phrasebook, user=user)
    context["news"] = by_title
