"""Queries shared by the comparison matrix and the situation guide (bounded query counts)."""

from django.conf import settings
from django.db.models import Prefetch

from core.content_cache import active_locale, content_lookup
from core.privacy import public
from translation.freshness import source_states

from .models.countries import Country
from .models.pages import CountryProfilePage, GuidePage
from .models.rules import LegalRule


def profiles_for_locale(locale):
    """Live, public country profiles of `locale` with their rules, each with `country_name` in that
    language and `source_state` (3 queries, plus 3 for a translation)."""
    profiles = list(
        # public(): a profile behind a password or login stays out of the comparison, the
        # situation guide and the feeds, as its own page keeps it from readers.
        CountryProfilePage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("country")
        .prefetch_related(
            Prefetch("rules", queryset=LegalRule.objects.order_by("sort_order", "pk"))
        )
        .order_by("path")
    )
    names = country_names(locale, [p.country for p in profiles])
    # Whether each translation lags its English profile: the comparison and the situation
    # guide say so (translation/freshness.py); three queries for all of them.
    states = source_states(profiles) if locale.language_code != settings.LANGUAGE_CODE else {}
    for profile in profiles:
        profile.country_name = names.get(profile.country_id, profile.country.name)
        # rules_by_topic() and the glance read this instead of querying again
        profile.__dict__["ordered_rules"] = list(profile.rules.all())
        profile.__dict__["source_state"] = states.get(profile.pk)
    return profiles


@content_lookup("country-names")
def country_names_by_key(locale):
    """{Country translation key: its name in `locale`}: one query, kept in the content cache
    until the next change (every page that names countries uses it)."""
    return dict(Country.objects.filter(locale=locale).values_list("translation_key", "name"))


def country_names(locale, countries):
    """{country id: name in `locale`} for Country rows of any language (the row's own name
    where `locale` has no translation)."""
    countries = list(countries)
    if not countries:
        return {}
    translated = country_names_by_key(locale)
    return {c.pk: translated.get(c.translation_key, c.name) for c in countries}


def localized_country_names(countries):
    """country_names() in the active language."""
    return country_names(active_locale(), countries)


def guides_for(locale, country, situation):
    """Live guides of `locale` about `country` that concern `situation`."""
    guides = (
        public(GuidePage.objects.live()).filter(locale=locale, countries=country).order_by("title")
    )
    return [
        g
        for g in guides
        if set(g.topics) & set(situation.topics) or set(g.applies_to) & situation.groups
    ]
