"""RSS 2.0 and Atom feeds of a news index (one language), optionally of one country."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from knowledge.models import Country
from knowledge.queries import localized_country_names

from .models import FEED_LENGTH


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, country_code=None):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code
        self.country = None
        if country_code:
            country = Country.objects.filter(
                code__iexact=country_code, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            if country is None:
                raise Http404(_("There is no news feed for this country."))
            self.country = country

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        if self.country is not None:
            name = localized_country_names([self.country])[self.country.pk]
            return f"{index.title}: {name} · #ObjectWarCampaign"
        return f"{index.title} · #ObjectWarCampaign"

    def link(self, index):
        url = index.get_url(self.request)
        if self.country is not None:
            url += f"?country={self.country.code}"
        return url

    def description(self, index):
        return index.introduction or index.title

    def items(self, index):
        news = index.news()
        if self.country is not None:
            news = news.filter(countries=self.country)
        return news[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across edits and moves: the page's id on this site.
        return f"{self.request.scheme}://{self.request.get_host()}/news/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.organisation or None


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
