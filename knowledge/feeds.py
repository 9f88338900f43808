"""The Atom feed of new decisions in one language: newest publication first, so a reader
learns of a decision when it is added to the site, whatever its own date."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from website.dates import long_date

from .models.decisions import FEED_LENGTH, DecisionPage


class DecisionsAtomFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} · #ObjectWarCampaign"

    def link(self, index):
        return index.get_url(self.request)

    def subtitle(self, index):
        return index.introduction or index.title

    def items(self, index):
        return (
            DecisionPage.objects.live()
            .child_of(index)
            .filter(locale_id=index.locale_id)
            .select_related("country", "deciding_country")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        facts = [item.deciding_body, long_date(item.decided_on)]
        if item.case_number:
            facts.append(item.case_number)
        outcome = item.get_outcome_display()
        if item.sentence:
            outcome = f"{outcome}: {item.sentence}"
        return f"{', '.join(facts)}. {_('Outcome')}: {outcome}. {item.reasoning}"

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across edits and moves: the page's id on this site.
        return f"{self.request.scheme}://{self.request.get_host()}/decisions/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return item.topic_labels()
