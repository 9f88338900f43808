"""Atom feeds of the knowledge base: new decisions in one language (newest publication first,
so a reader learns of a decision when it is added to the site, whatever its own date), and
the changes to the rules."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.dates import long_date
from core.privacy import public

from .changelog import field_labels
from .models.changelog import RuleChange
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
            public(DecisionPage.objects.live())
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


class RuleChangesAtomFeed(Feed):
    """What changed in the rules, newest first, for every country of one language or for one
    (`country_code`): readers follow the law in any feed reader without giving an address.
    Built from the change log the English profiles record on publish (changelog.py), with
    headings and summaries as the reader's language has them."""

    feed_type = Atom1Feed

    def __init__(self, index, country_code=None):
        super().__init__()
        self.index = index
        self.country_code = country_code

    def get_object(self, request, *args, **kwargs):
        from .queries import profiles_for_locale

        self.request = request
        profiles = profiles_for_locale(self.index.locale)
        if self.country_code is not None:
            profiles = [p for p in profiles if p.country.code == self.country_code]
            if not profiles:
                raise Http404
        self.profiles = {str(p.translation_key): p for p in profiles}
        return self.index

    def title(self, index):
        if self.country_code is not None:
            name = next(iter(self.profiles.values())).country_name
        else:
            name = index.title
        return f"{_('What changed')}: {name} · #ObjectWarCampaign"

    def link(self, index):
        if self.country_code is not None:
            return next(iter(self.profiles.values())).get_url(self.request)
        return index.get_url(self.request)

    def subtitle(self, index):
        return _("Rules added, changed or removed in our country profiles.")

    def items(self, index):
        changes = list(RuleChange.objects.filter(profile_key__in=self.profiles)[:FEED_LENGTH])
        rules = {
            str(rule.translation_key): rule
            for profile in self.profiles.values()
            for rule in profile.ordered_rules
        }
        for change in changes:
            change.profile = self.profiles[str(change.profile_key)]
            change.rule = rules.get(str(change.rule_key))
        return changes

    def item_title(self, change):
        heading = change.rule.heading if change.rule else change.heading
        if change.kind == RuleChange.Kind.CHANGED:
            what = _("changed: %(parts)s") % {
                "parts": ", ".join(str(label) for label in field_labels(change))
            }
        else:
            what = change.get_kind_display()
        return f"{change.profile.country_name}: {heading} — {what}"

    def item_description(self, change):
        if change.rule is not None:
            return change.rule.summary
        if change.kind == RuleChange.Kind.REMOVED:
            return _("This rule is no longer part of the profile.")
        # Added or changed in English, not yet in this language's profile.
        return _("The translation of this change is not published yet; the English profile has it.")

    def item_link(self, change):
        url = change.profile.get_url(self.request)
        return f"{url}#rule-{change.rule_key}" if change.rule else url

    def item_guid(self, change):
        return f"{self.request.scheme}://{self.request.get_host()}/rule-changes/{change.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.changed_at

    def item_updateddate(self, change):
        return change.changed_at

    def item_categories(self, change):
        return [change.profile.country_name]
