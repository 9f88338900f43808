"""Demo countries, country profiles and guides, in English and translated through
wagtail-localize (Russian and Ukrainian completely, German and Belarusian in part)."""

from django.utils import timezone

from wagtail.models import Locale

from home.demo.localize import translate_all
from home.models import HomePage

from ..models import (
    Country,
    CountryProfilePage,
    GuidePage,
    KnowledgeIndexPage,
    LegalRule,
    RuleChange,
)
from ..review import mark_reviewed, setup_legal_review
from .content import COUNTRIES, GUIDES, NOT_YET_LINKED, PROFILES, RUSSIA_BEFORE_2024
from .translations import PHRASEBOOKS


def _sources(items):
    return [
        (
            "source",
            {
                "kind": s["kind"],
                "title": s["title"],
                "issuer": s.get("issuer", ""),
                "url": s.get("url", ""),
                "no_online_copy": "" if s.get("url") else s.get("no_online_copy", NOT_YET_LINKED),
                "date": s.get("date"),
                "checked": s.get("checked"),
            },
        )
        for s in items
    ]


def _rule(data):
    fields = {k: v for k, v in data.items() if k != "sources"}
    return LegalRule(sources=_sources(data["sources"]), **fields)


def _countries(english):
    by_code = {}
    for data in COUNTRIES:
        country = Country.objects.filter(code=data["code"], locale=english).first()
        if country is None:
            country = Country.objects.create(
                locale=english,
                code=data["code"],
                name=data["name"],
                kind=data["kind"],
                controlled_by=by_code.get(data.get("controlled_by")),
            )
        by_code[data["code"]] = country
        translate_all(country, PHRASEBOOKS)
    return by_code


def _profile(index, data, country):
    profile = CountryProfilePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if profile is not None:
        return profile
    page_fields = {k: data[k] for k in ("title", "slug", "search_description", "introduction")}
    rules = [_rule(r) for r in data["rules"]]
    for position, rule in enumerate(rules):
        rule.sort_order = position
    first_version = data["country"] == "RU"
    if first_version:
        # Publish Russia as it stood before 2024 first, so the change log has an entry.
        original = {k: getattr(rules[0], k) for k in RUSSIA_BEFORE_2024}
        for key, value in RUSSIA_BEFORE_2024.items():
            setattr(rules[0], key, value)
    profile = CountryProfilePage(locale=index.locale, country=country, rules=rules, **page_fields)
    index.add_child(instance=profile)
    profile.save_revision().publish()
    if first_version:
        rule = profile.rules.get(heading=RUSSIA_BEFORE_2024["heading"])
        for key, value in original.items():
            setattr(rule, key, value)
        rule.save()
        profile = CountryProfilePage.objects.get(pk=profile.pk)
        profile.save_revision().publish()
        RuleChange.objects.filter(profile_key=profile.translation_key).update(
            changed_at=timezone.make_aware(timezone.datetime(2024, 1, 1, 12, 0))
        )
    mark_reviewed(profile, None, when=data["last_reviewed"])
    return CountryProfilePage.objects.get(pk=profile.pk)


def _guide(index, data, countries):
    guide = GuidePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if guide is not None:
        return guide
    guide = GuidePage(
        locale=index.locale,
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        body=list(data["body"]),
        topics=data["topics"],
        applies_to=data["applies_to"],
        sources=_sources(data["sources"]),
    )
    index.add_child(instance=guide)
    guide.countries.set([countries[c] for c in data["countries"]])
    guide.save_revision().publish()
    mark_reviewed(guide, None, when=data["last_reviewed"])
    return GuidePage.objects.get(pk=guide.pk)


def load(context):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    index = KnowledgeIndexPage.objects.child_of(home).get()
    countries = _countries(english)
    for data in PROFILES:
        profile = _profile(index, data, countries[data["country"]])
        translate_all(profile, PHRASEBOOKS)
    for data in GUIDES:
        guide = _guide(index, data, countries)
        translate_all(guide, PHRASEBOOKS)
    setup_legal_review()
    context["countries"] = countries
