"""Demo countries, country profiles and guides (demo/data/knowledge/*.yaml), in English and
translated through wagtail-localize (Russian and Ukrainian completely, German and
Belarusian in part)."""

from datetime import datetime, time

from django.db import models
from django.utils import timezone

from wagtail.models import Locale

from home.models import HomePage
from knowledge.models import (
    Country,
    CountryProfilePage,
    GuidePage,
    KnowledgeIndexPage,
    LegalRule,
    RuleChange,
)
from knowledge.review import mark_reviewed, setup_legal_review

from .. import data
from ..localize import translate_all

SOURCE_FIELDS = ("kind", "title", "issuer", "url", "no_online_copy", "date", "checked")
# Keys of a rule in the data that are not LegalRule fields.
RULE_EXTRAS = ("sources", "pending")


def _sources(ids, catalogue):
    """SourceBlock values for a list of source ids (footnote order)."""
    blocks = []
    for source_id in ids:
        if source_id not in catalogue:
            raise ValueError(f"Unknown source id {source_id!r} (not in knowledge/sources.yaml)")
        source = catalogue[source_id]
        value = {field: source.get(field) for field in SOURCE_FIELDS}
        for field in ("issuer", "url", "no_online_copy"):
            value[field] = value[field] or ""
        if not value["url"] and not value["no_online_copy"]:
            raise ValueError(f"Source {source_id!r} needs a url or a no_online_copy reason")
        blocks.append(("source", value))
    return blocks


def _text_fields():
    return {
        f.name
        for f in LegalRule._meta.get_fields()
        if isinstance(f, models.CharField | models.TextField)
    }


def _rule(fields, catalogue):
    text_fields = _text_fields()
    values = {
        # null in the data: "" for text columns (never NULL), the model default otherwise
        key: ("" if value is None and key in text_fields else value)
        for key, value in fields.items()
        if key not in RULE_EXTRAS and not (value is None and key not in text_fields)
    }
    sources = list(fields["sources"])
    if pending := fields.get("pending"):
        # A change under way (a bill, a court case): readers see that the rule is being
        # checked, with the note, and the source that reports it is cited.
        values.update(under_review=True, review_note=pending["note"].strip())
        if pending.get("source") and pending["source"] not in sources:
            sources.append(pending["source"])
    return LegalRule(sources=_sources(sources, catalogue), **values)


def _countries(english, phrasebooks):
    by_code = {}
    for fields in data.countries():
        country = Country.objects.filter(code=fields["code"], locale=english).first()
        if country is None:
            country = Country.objects.create(
                locale=english,
                code=fields["code"],
                name=fields["name"],
                kind=fields["kind"],
                controlled_by=by_code.get(fields.get("controlled_by")),
            )
        by_code[fields["code"]] = country
        translate_all(country, phrasebooks)
    return by_code


def _as_first_published(rule, before, catalogue):
    """Give `rule` its fields as first published (`before`); return its current ones."""
    changes = {k: (_sources(v, catalogue) if k == "sources" else v) for k, v in before.items()}
    current = {key: getattr(rule, key) for key in changes}
    for key, value in changes.items():
        setattr(rule, key, value)
    return current


def _publish_current_version(profile, rule_key, current):
    """Publish the rule `rule_key` of `profile` with its `current` fields, so the change log
    shows a real change, dated when the current rule took effect."""
    rule = profile.rules.get(translation_key=rule_key)
    for key, value in current.items():
        setattr(rule, key, value)
    rule.save()
    profile = CountryProfilePage.objects.get(pk=profile.pk)
    profile.save_revision().publish()
    when = rule.status_since
    if when:
        RuleChange.objects.filter(profile_key=profile.translation_key).update(
            changed_at=timezone.make_aware(datetime.combine(when, time(12, 0)))
        )


def _profile(index, fields, country, catalogue):
    profile = CountryProfilePage.objects.child_of(index).filter(slug=fields["slug"]).first()
    if profile is not None:
        return profile
    page_fields = {k: fields[k] for k in ("title", "slug", "search_description", "introduction")}
    rules = [_rule(r, catalogue) for r in fields["rules"]]
    for position, rule in enumerate(rules):
        rule.sort_order = position
    # Russia is published first with its first rule as it stood before 2024.
    before = fields.get("russia_before_2024")
    current = _as_first_published(rules[0], before, catalogue) if before else None
    profile = CountryProfilePage(locale=index.locale, country=country, rules=rules, **page_fields)
    index.add_child(instance=profile)
    profile.save_revision().publish()
    if before:
        _publish_current_version(profile, rules[0].translation_key, current)
    mark_reviewed(profile, None, when=fields["last_reviewed"])
    return CountryProfilePage.objects.get(pk=profile.pk)


def _blocks(body):
    """Body blocks as [type, value] pairs, from {type: value} or [type, value] items."""
    return [tuple(item.items())[0] if isinstance(item, dict) else tuple(item) for item in body]


def _guide(index, fields, countries, catalogue):
    guide = GuidePage.objects.child_of(index).filter(slug=fields["slug"]).first()
    if guide is not None:
        return guide
    guide = GuidePage(
        locale=index.locale,
        title=fields["title"],
        slug=fields["slug"],
        summary=fields["summary"],
        body=_blocks(fields["body"]),
        topics=fields["topics"],
        applies_to=fields["applies_to"],
        sources=_sources(fields["sources"], catalogue),
    )
    index.add_child(instance=guide)
    guide.countries.set([countries[c] for c in fields["countries"]])
    guide.save_revision().publish()
    mark_reviewed(guide, None, when=fields["last_reviewed"])
    return GuidePage.objects.get(pk=guide.pk)


def load(context):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    index = KnowledgeIndexPage.objects.child_of(home).get()
    phrasebooks = data.phrasebooks("knowledge")
    catalogue = data.sources()
    countries = _countries(english, phrasebooks)
    for fields in data.profiles():
        profile = _profile(index, fields, countries[fields["country"]], catalogue)
        translate_all(profile, phrasebooks)
    for fields in data.guides():
        guide = _guide(index, fields, countries, catalogue)
        translate_all(guide, phrasebooks)
    setup_legal_review()
    context["countries"] = countries
