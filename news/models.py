"""News: the index of each language with its filters, pager and feeds, and the news pages."""

import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import ALT_TEXT_HELP, BodyStreamBlock
from core.content_cache import active_locale, content_lookup, localized
from core.mirror_state import current as mirror_copy
from core.models import SitePage
from core.privacy import public
from core.views import ReaderNotFound
from knowledge.forms import EnglishCountriesPageForm, countries_panel
from knowledge.models import Country, CountryProfilePage
from knowledge.models.rules import SourceBlock
from knowledge.queries import country_names_by_key, localized_country_names

NEWS_PER_PAGE = 10
FEED_LENGTH = 20

# A country filter value: what a country code can look like ("RU", "UA-OCC").
COUNTRY_FILTER = re.compile(r"[A-Za-z0-9-]{1,20}")


class NewsTopic(models.TextChoices):
    ASYLUM = "asylum", _("Asylum and protection")
    LAW = "law", _("Law and courts")
    CAMPAIGN = "campaign", _("Campaign")
    REPRESSION = "repression", _("Repression")
    DIGEST = "digest", _("Digests of partners")


class NewsSeries(TranslatableMixin, models.Model):
    """A recurring publication, e.g. the monthly digest of a partner organisation.
    A snippet edited by the news editors; its name is translated."""

    name = models.CharField(
        verbose_name=_("name"),
        max_length=160,
        help_text=_("As readers see it, e.g. 'Digest of the Movement of Conscientious Objectors'."),
    )
    organisation = models.CharField(
        verbose_name=_("organisation"),
        max_length=160,
        blank=True,
        help_text=_("Who publishes the series, if not the alliance."),
    )

    panels = [FieldPanel("name"), FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news series")
        verbose_name_plural = _("news series")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
        verbose_name=_("news item"),
    )

    class Meta:
        verbose_name = _("tag of a news item")
        verbose_name_plural = _("tags of news items")


class NewsIndexPage(RoutablePageMixin, SitePage):
    """The news of one language: newest first, ten a page, filterable by country, topic
    and year, with RSS and Atom feeds. Edited by the news editors (title and introduction)."""

    show_in_menus_default = True  # a section of the site: in the main navigation

    introduction = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("One or two sentences shown above the list of news."),
    )

    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
    ]

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    # --- queries -------------------------------------------------------------

    def news(self):
        """Live news of this index (so of its language), newest first."""
        return (
            public(NewsPage.objects.live())
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )

    def filtered_news(self, filters):
        news = self.news()
        if filters.get("country"):
            news = news.filter(countries__code__iexact=filters["country"])
        if filters.get("topic"):
            news = news.filter(topic=filters["topic"])
        if filters.get("year"):
            news = news.filter(date__year=filters["year"])
        return news

    @staticmethod
    def read_filters(request):
        """The reader's filters, ignoring values that cannot match anything."""
        filters = {}
        country = request.GET.get("country", "").strip()
        # Shaped like a country code (as the feed URLs require), else ignored.
        if COUNTRY_FILTER.fullmatch(country):
            filters["country"] = country
        topic = request.GET.get("topic", "")
        if topic in NewsTopic.values:
            filters["topic"] = topic
        year = request.GET.get("year", "")
        if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2999:
            filters["year"] = year
        return filters

    def filter_values(self):
        """(countries, topics, years) that have news in this language: 4 queries over all
        the news, kept in the content cache until the next publish."""

        news = self.news()
        country_rows = list(
            Country.objects.filter(news_pages__in=news.values("pk")).distinct().order_by("code")
        )
        names = localized_country_names(country_rows)
        countries = sorted(((c.code, names[c.pk]) for c in country_rows), key=lambda item: item[1])
        # Without the index's ordering, which DISTINCT would include: one row per topic,
        # not one per news item.
        topics_present = set(news.order_by().values_list("topic", flat=True).distinct())
        topics = [(code, str(label)) for code, label in NewsTopic.choices if code in topics_present]
        years = [d.year for d in news.dates("date", "year", order="DESC")]
        return countries, topics, years

    @cached_property
    def cached_filter_values(self):
        """filter_values() from the content cache, once per request (the page object lives
        for one request)."""
        return _filter_values(self, active_locale())

    def filter_options(self, request, filters):
        """Links for each filter value that has news in this language."""
        countries, topics, years = self.cached_filter_values

        def link(name, value):
            params = {k: v for k, v in filters.items() if k != name}
            if mirror_copy():
                # A static copy holds one page per filter value, not every combination.
                params = {}
            if value is not None:
                params[name] = value
            return "?" + urlencode(params) if params else self.get_url(request)

        def options(name, values):
            current = filters.get(name)
            return [
                {"label": label, "url": link(name, str(value)), "current": str(value) == current}
                for value, label in values
            ]

        return [
            {
                "name": "country",
                "label": _("Country"),
                "all_url": link("country", None),
                "any": "country" not in filters,
                "options": options("country", countries),
            },
            {
                "name": "topic",
                "label": _("Topic"),
                "all_url": link("topic", None),
                "any": "topic" not in filters,
                "options": options("topic", topics),
            },
            {
                "name": "year",
                "label": _("Year"),
                "all_url": link("year", None),
                "any": "year" not in filters,
                "options": options("year", [(y, y) for y in years]),
            },
        ]

    # --- views ---------------------------------------------------------------

    @path("")
    def news_list(self, request):
        filters = self.read_filters(request)
        news = self.filtered_news(filters)
        # The list shows no body: leaving it out saves reading and decoding its JSON.
        paginator = Paginator(news.defer("body"), NEWS_PER_PAGE, allow_empty_first_page=True)
        # The count and each page of the list change only when news is published: kept in
        # the content cache. Only for countries that have news, so that made-up ?country=
        # values neither query nor fill the cache (Paginator.count is a cached property).
        query = urlencode(sorted(filters.items()))
        country = filters.get("country", "").upper()
        with_news = {code.upper() for code, _name in self.cached_filter_values[0]}
        has_country = not country or country in with_news
        paginator.count = _news_count(self, query, news=news) if has_country else 0
        news_page = paginator.page(page_number(request.GET.get("page"), paginator))
        news_items = (
            _news_items(self, query, news_page.number, news_page=news_page)
            if paginator.count
            else []
        )
        return self.render(
            request,
            context_overrides={
                "news_page": news_page,
                "news_items": news_items,
                "filters": filters,
                "filter_groups": self.filter_options(request, filters),
                "pager_querystring": urlencode(filters),
                "feed_country": filters.get("country"),
            },
        )

    @path("rss/")
    @re_path(r"^rss/(?P<country>[A-Za-z0-9-]{1,20})/$")
    def rss_feed(self, request, country=None):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self, country)(request)

    @path("atom/")
    @re_path(r"^atom/(?P<country>[A-Za-z0-9-]{1,20})/$")
    def atom_feed(self, request, country=None):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self, country)(request)


# The count and each page of a news list change only when news is published (`filters`: the
# list's query string, which `news` and `news_page` were made from).
@content_lookup("news-filters")
def _filter_values(index, locale):
    return index.filter_values()  # in `locale`, the active one


@content_lookup("news-count")
def _news_count(index, filters, *, news):
    return news.count()


@content_lookup("news-list")
def _news_items(index, filters, number, *, news_page):
    rows = list(news_page.object_list)
    names = country_names_of_news(rows)
    for row in rows:
        row.country_names = names.get(row.pk, [])
    return rows


def page_number(raw, paginator):
    """The page to show for `?page=raw`: missing → 1, out of range → the nearest page,
    not a number → 404 (there is no nearest page to a word)."""
    if raw is None or raw == "":
        return 1
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise ReaderNotFound(_("There is no such page of news.")) from None
    return min(max(number, 1), paginator.num_pages)


def country_names_of_news(items):
    """{news pk: [names of its countries in the active language]} in one light query."""

    translated = country_names_by_key(active_locale())
    rows = (
        NewsPage.countries.through.objects.filter(newspage_id__in=[item.pk for item in items])
        .order_by("pk")
        .values_list("newspage_id", "country__translation_key", "country__name")
    )
    names = {}
    for news_id, key, english_name in rows:
        names.setdefault(news_id, []).append(translated.get(key, english_name))
    return names


class NewsSourcesBlock(blocks.StreamBlock):
    """What a news item reports on, for readers to check: the same sources as a rule's
    (kind, address or the reason there is none, check date), but optional, since a
    campaign item or a statement of the alliance may report on nothing but itself."""

    source = SourceBlock()


class NewsPage(SitePage):
    """One news item: a report, statement or digest. Written by the news editors in
    English, then translated; its countries link to the country profiles."""

    date = models.DateField(
        verbose_name=_("date"),
        default=timezone.localdate,  # a new item is usually today's
        help_text=_("Publication date shown to readers; the list is sorted by it."),
    )
    teaser = models.TextField(
        verbose_name=_("teaser"),
        max_length=400,
        help_text=_("Two or three sentences shown in lists and feeds."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional; shown under the teaser, in every language. Check that a photo "
            "shows no one who could be put at risk by it."
        ),
        verbose_name=_("lead image"),
    )
    lead_image_alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=ALT_TEXT_HELP,
    )
    lead_image_decorative = models.BooleanField(
        _("image is decorative"),
        default=False,
        help_text=_("Only if the image adds nothing to the text; screen readers then skip it."),
    )
    lead_image_caption = models.CharField(
        _("caption"), max_length=250, blank=True, help_text=_("Shown under the image. Optional.")
    )
    lead_image_credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("Who made the image, e.g. 'Connection e.V.'. Shown after 'Image:'."),
    )
    body = StreamField(
        BodyStreamBlock(), blank=True, help_text=_("The full text."), verbose_name=_("body")
    )
    sources = StreamField(
        NewsSourcesBlock(),
        blank=True,
        help_text=_(
            "The law, decision, statement or report the item is about, so readers can "
            "check it. Shown numbered under the text."
        ),
        verbose_name=_("sources"),
    )
    countries = ParentalManyToManyField(
        "knowledge.Country",
        blank=True,
        related_name="news_pages",
        help_text=_(
            "Countries the item is about; readers see the names and profiles in their language."
        ),
        verbose_name=_("countries"),
    )
    topic = models.CharField(
        verbose_name=_("topic"),
        max_length=20,
        choices=NewsTopic.choices,
        default=NewsTopic.CAMPAIGN,
        help_text=_("The main topic; readers can filter the news by it."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        help_text=_("Free keywords, e.g. 'BAMF', 'mobilisation'."),
        verbose_name=_("tags"),
    )
    series = models.ForeignKey(
        NewsSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
        help_text=_("If the item is part of a series, e.g. a partner's monthly digest."),
        verbose_name=_("series"),
    )
    organisation = models.CharField(
        verbose_name=_("organisation"),
        max_length=160,
        blank=True,
        help_text=_("The organisation that published the item, e.g. 'Connection e.V.'."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_decorative"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("sources"),
        MultiFieldPanel(
            [
                countries_panel(),
                FieldPanel("topic"),
                FieldPanel("tags"),
                FieldPanel("series"),
                FieldPanel("organisation"),
            ],
            heading=_("About"),
        ),
    ]

    search_fields = SitePage.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("topic"),
    ]

    # Every translation is about the same countries and series: the English rows,
    # resolved to the reader's language when rendering.
    override_translatable_fields = [
        SynchronizedField("countries"),
        SynchronizedField("date"),
        SynchronizedField("topic"),
        SynchronizedField("series"),
        SynchronizedField("organisation"),
        SynchronizedField("lead_image"),
        SynchronizedField("lead_image_decorative"),
        SynchronizedField("lead_image_credit"),
    ]

    base_form_class = EnglishCountriesPageForm

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        # Lists are newest first: PostgreSQL walks this index and stops after a page of
        # live news of the language, instead of sorting all of them (7 ms → 0.7 ms at 2,000).
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_newest_first")]

    def clean(self):
        super().clean()
        if (
            self.lead_image_id
            and not self.lead_image_decorative
            and not self.lead_image_alt.strip()
        ):
            raise ValidationError(
                {
                    "lead_image_alt": _(
                        "Describe the image for readers who cannot see it, or mark it as "
                        "decorative."
                    )
                }
            )

    @property
    def numbered_sources(self):
        return [block.value for block in self.sources]

    @property
    def lead_image_alt_text(self):
        """The lead image's alt attribute: empty for a decorative image."""
        return "" if self.lead_image_decorative else self.lead_image_alt

    def related_countries(self):
        """[(name in the active language, live profile or None)] — two queries."""

        countries = list(self.countries.all())
        if not countries:
            return []
        names = localized_country_names(countries)
        profiles = {
            p.country_id: p
            for p in public(CountryProfilePage.objects.live()).filter(
                country__in=countries, locale=active_locale()
            )
        }
        return sorted(
            ((names[c.pk], profiles.get(c.pk)) for c in countries), key=lambda item: item[0]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_countries"] = self.related_countries()
        series = self.series
        context["series"] = localized(series) if series is not None else None
        context["news_index"] = self.get_parent()
        return context
