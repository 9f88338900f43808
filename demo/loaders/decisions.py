"""Demo decisions (demo/data/decisions.yaml): the decisions list under the knowledge base and
the decisions, in English and translated through wagtail-localize from
demo/locale/<lang>/LC_MESSAGES/decisions.po.

Runs after the knowledge base (its index and countries) and the campaign (which creates
Germany and Lithuania); the few countries only decisions need are created here.
"""

from wagtail.models import Locale

from knowledge.models import Country, DecisionIndexPage, DecisionPage, KnowledgeIndexPage
from knowledge.review import mark_reviewed

from .. import data
from ..localize import translate_all
from .knowledge import _sources

PAGE_FIELDS = (
    "title",
    "slug",
    "deciding_body",
    "kind",
    "decided_on",
    "date_is_reported",
    "case_number",
    "situation",
    "outcome",
    "sentence",
    "topics",
    "reasoning",
)


def _countries(english, content, phrasebooks):
    """English Country rows by code, creating the ones only decisions need."""
    for fields in content["countries"]:
        if not Country.objects.filter(code=fields["code"], locale=english).exists():
            country = Country.objects.create(locale=english, **fields)
            translate_all(country, phrasebooks)
    return {c.code: c for c in Country.objects.filter(locale=english)}


def _index(knowledge, fields):
    index = DecisionIndexPage.objects.child_of(knowledge).first()
    if index is None:
        index = DecisionIndexPage(locale=knowledge.locale, **fields)
        knowledge.add_child(instance=index)
        index.save_revision().publish()
    return index


def _decision(index, fields, countries, catalogue):
    decision = DecisionPage.objects.child_of(index).filter(slug=fields["slug"]).first()
    if decision is not None:
        return decision
    unknown = [
        code
        for code in [fields["country"], fields["deciding_country"], *fields["related_countries"]]
        if code and code not in countries
    ]
    if unknown:
        raise ValueError(f"Decision {fields['slug']!r}: unknown country code(s) {unknown}")
    decision = DecisionPage(
        locale=index.locale,
        country=countries[fields["country"]],
        deciding_country=countries.get(fields["deciding_country"]),
        sources=_sources(fields["sources"], catalogue),
        **{
            name: fields[name].strip() if name == "reasoning" else fields[name]
            for name in PAGE_FIELDS
        },
    )
    decision.related_countries = [countries[code] for code in fields["related_countries"]]
    index.add_child(instance=decision)
    decision.save_revision().publish()
    if fields.get("last_reviewed"):
        mark_reviewed(decision, None, when=fields["last_reviewed"])
    return DecisionPage.objects.get(pk=decision.pk)


def load(context):
    content = data.decisions()
    english = Locale.objects.get(language_code="en")
    phrasebooks = data.phrasebooks(domain="decisions")
    user = context.get("user")
    countries = _countries(english, content, phrasebooks)
    knowledge = KnowledgeIndexPage.objects.get(locale=english)
    index = _index(knowledge, content["index"])
    translate_all(index, phrasebooks, user=user)
    for fields in content["decisions"]:
        decision = _decision(index, fields, countries, content["sources"])
        translate_all(decision, phrasebooks, user=user)
