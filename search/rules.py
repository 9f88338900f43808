"""Legal rules as search results of their own.

A country profile is one page with many rules; a reader asking "ст. 337" or "desertion
penalty Russia" wants the rule, not the top of a long page. So the search shows the rules
that answer the query as results linking to their anchor on the profile (`rule.anchor`,
rendered by templates/components/rule.html), with heading, status and penalty.

- Article numbers ("328", "ст. 337", "Art. 336", "статья 338") find the rules whose article
  names that number, in the reader's language, on any engine: a database
  lookup, the node is not needed.
- Other queries: the rules of the profiles the engine found, scored by how many of the
  query's concepts their own text (heading, summary, legal act, consequences, topic and
  penalty labels) has, together with the profile's title (the country): "дезертирство
  Россия" is the Russian desertion rule.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page

from core.content_cache import content_lookup
from core.fields import choice_labels
from core.lemmas import query_lemmas
from core.privacy import public
from knowledge.glance import describe_penalty
from knowledge.models import LegalRule
from knowledge.models.rules import PenaltyKind, Topic

PROFILE_TYPE = "knowledge.countryprofilepage"
HOME_COUNTRY = {"uk": "UA", "be": "BY", "ru": "RU"}  # see search/ranking.py
RULE_TYPE = "knowledge.legalrule"
# Rules looked at: those of the first profiles among the hits.
PROFILES_LOOKED_AT = 12
# Every rule that answers is a result (a reader filtering for rules sees them all), but only
# the best of each profile, and no more than LEADING_RULES of those, rank as answers: the
# others follow the guides, profiles and news, which they would crowd out. Which of them lead
# is decided by the ranking's own score, the reader's country included (search/ranking.py).
RULES_PER_PROFILE = 1
LEADING_RULES = 3


@dataclass
class RuleHit:
    rule: object
    profile: object  # the profile page (plain Page is enough for its URL and title)
    coverage: float = 0.0  # share of the query's concepts the rule (with its country) has
    own: int = 0  # concepts only the rule's own text has (not the country's name)
    heading_coverage: float = 0.0  # share of the concepts in its heading (with the country)
    complete: bool = False  # it has every concept (in some form, with its country)
    by_article: bool = False
    best_of_profile: bool = True  # the rule of its profile that answers best
    leading: bool = True  # ranks as an answer (search/ranking.py picks LEADING_RULES)
    countries: list = field(default_factory=list)  # CountryRow, for the country filter
    type_key: str = RULE_TYPE

    @property
    def pk(self):
        return f"rule-{self.rule.pk}"

    @property
    def title(self):
        return self.rule.heading

    @property
    def type_label(self):
        return str(LegalRule._meta.verbose_name)

    def matches(self, type_filter, country_filter):
        if type_filter and type_filter != RULE_TYPE:
            return False
        return not country_filter or country_filter in {c.code for c in self.countries}


def _article_pattern(number):
    # The number on its own: "337" in "Art. 337 part 3" or "ст. 337", not in "1337" or "33.7".
    return rf"(^|[^0-9.]){re.escape(number)}([^0-9]|$)"


@content_lookup("search-rule-articles")
def _rule_articles(locale):
    """(rule id, article, country code) of the rules of live, public profiles in `locale`,
    in the knowledge base's order of profiles (the same in every language): matched against
    the reader's numbers in Python, so an article query costs no regular expression in SQL."""
    profiles = public(Page.objects.live().filter(locale=locale, depth__gt=1))
    rules = (
        LegalRule.objects.filter(locale=locale, profile__in=profiles)
        .exclude(article="")
        .order_by("profile__path", "sort_order", "pk")
    )
    return tuple(rules.values_list("pk", "article", "profile__country__code"))


def rules_with_articles(numbers, locale):
    """[RuleHit] for rules of live, public profiles in `locale` whose article names one of
    `numbers`: per number in the knowledge base's order, the country of the reader's
    language first."""
    if not numbers:
        return []
    home = HOME_COUNTRY.get(locale.language_code)
    articles = _rule_articles(locale)
    wanted = []
    for number in numbers:
        pattern = re.compile(_article_pattern(number), re.IGNORECASE)
        matching = [(pk, code) for pk, article, code in articles if pattern.search(article)]
        wanted += [pk for pk, code in sorted(matching, key=lambda m: m[1] != home)]
    if not wanted:
        return []
    # Checked again here: a worker's own copy of the list (without a shared cache) may be
    # older than a profile's unpublishing or new password.
    profiles = public(Page.objects.live().filter(locale=locale, depth__gt=1))
    rules = LegalRule.objects.filter(profile__in=profiles).defer("sources")
    by_pk = rules.select_related("profile", "profile__country").in_bulk(list(dict.fromkeys(wanted)))
    return [
        RuleHit(by_pk[pk], by_pk[pk].profile, coverage=1.0, by_article=True, complete=True)
        for pk in dict.fromkeys(wanted)
        if pk in by_pk
    ]


def rule_text(rule):
    """What a rule says, with the labels a reader sees next to it (topic, penalty)."""
    topics = choice_labels(Topic)
    parts = [
        rule.heading,
        rule.summary,
        rule.legal_act,
        rule.article,
        rule.other_consequences,
        str(topics.get(rule.topic, "")),
    ]
    if rule.penalty_kind != PenaltyKind.NONE:
        parts.append(describe_penalty(rule))
        parts.append(gettext("penalty"))
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=8192)
def _forms(text, language):
    """The base forms of the words of `text` (the concepts' alternatives carry the Cyrillic
    words a Latin-typed word stands for, so no skeletons are needed here). Kept per text:
    the same rules are read by one search after another, and change only when published."""
    return frozenset(query_lemmas(text, language))


SYNONYM_MATCH = 0.75  # a synonym of the reader's word, not the word itself


@lru_cache(maxsize=20_000)
def _wanted(alternative, language):
    return frozenset(query_lemmas(alternative, language))


def concept_in(concept, forms, language):
    """How well `forms` have the concept: 1 when they have the reader's word (in some form),
    SYNONYM_MATCH when only a synonym, 0 when neither (every word of an alternative counts)."""
    best = 0.0
    for i, alternative in enumerate(concept.alternatives):
        wanted = _wanted(alternative, language)
        if wanted and all(w in forms or _in_compound(w, forms, language) for w in wanted):
            if i < concept.exact:
                return 1.0
            best = SYNONYM_MATCH
    return best


@lru_cache(maxsize=50_000)  # the same rules' forms (frozensets) are asked search after search
def _in_compound(word, forms, language):
    """German writes "Wehrpflichtalter" for "Wehrpflicht Alter": a word of five letters or
    more counts when a compound starts or ends with it (no decompounder on either engine)."""
    if language != "de" or len(word) < 5:
        return False
    return any(len(f) > len(word) + 2 and (f.startswith(word) or f.endswith(word)) for f in forms)


@dataclass(frozen=True)
class ProfileRef:
    pk: int
    title: str


@content_lookup("search-country-profile")
def _country_profile(locale, code):
    """ProfileRef of the live, public profile of country `code` in `locale`, or None."""
    from knowledge.models import CountryProfilePage

    found = public(CountryProfilePage.objects.live()).filter(locale=locale, country__code=code)
    row = found.values_list("pk", "title").first()
    return ProfileRef(*row) if row else None


def implied_profile(understood, locale, profile_pages):
    """The profile of the country the query's words point to ("ВСУ", "ТЦК": an editor set
    the synonym group's country) when the engine did not find it, or None: its rules answer
    "ВСУ дезертирство" though its profile never writes "ВСУ"."""
    code = understood.country
    profile = _country_profile(locale, code) if code else None
    if profile is None or profile.pk in {p.pk for p in profile_pages}:
        return None
    return profile


def rules_of_profiles(understood, profile_pages, locale):
    """[RuleHit] for the rules of `profile_pages` that answer `understood`, best first."""
    # Words no page uses cannot be in a rule either: they do not count against it.
    concepts = understood.required or understood.searched
    if not concepts or not profile_pages:
        return []
    language = understood.language
    # Labels and penalties in the page's language, whatever the request's (other languages'
    # results are searched from the same request).
    with translation.override(language):
        return _rules_of_profiles(understood, concepts, profile_pages, language)


@content_lookup("search-rule-parts")
def _rule_texts(profile_id):
    """(country code, [(rule id, own text, heading with penalty, topic)]) of one profile's
    rules, in profile order, in the active language; kept with the other published lookups
    (a profile's rules change only when it is published)."""

    def build():
        rules = (
            LegalRule.objects.filter(profile_id=profile_id)
            .defer("sources")  # a StreamField: parsing it costs more than the rest of the row
            .select_related("profile__country")
            .order_by("sort_order", "pk")
        )
        code, texts = "", []
        topics = choice_labels(Topic)
        for rule in rules:
            code = rule.profile.country.code
            # The card shows the penalty by the heading: "наказание" is as good as there.
            penalty = describe_penalty(rule) if rule.penalty_kind != PenaltyKind.NONE else ""
            topic = str(topics.get(rule.topic, ""))
            texts.append((rule.pk, rule_text(rule), f"{rule.heading} {penalty}", topic))
        return code, texts

    return build()


def _rules_of_profiles(understood, concepts, profile_pages, language):
    by_id = {p.pk: p for p in profile_pages[:PROFILES_LOOKED_AT]}
    scored = {}
    for profile_id in by_id:
        code, rules = _rule_texts(profile_id)
        country_forms = _forms(by_id[profile_id].title, language)
        for rule_id, own_text, heading_text, topic in rules:
            own_forms = _forms(own_text, language)
            own = sum(concept_in(c, own_forms, language) > 0 for c in concepts)
            if not own:
                continue
            with_country = own_forms | country_forms
            matched = [concept_in(c, with_country, language) for c in concepts]
            both = sum(m > 0 for m in matched)
            # A rule is offered when it has every concept, or all but one of two or more.
            if both < len(concepts) - (1 if len(concepts) >= 2 else 0):
                continue
            heading_forms = _forms(heading_text, language) | country_forms
            in_heading = sum(concept_in(c, heading_forms, language) for c in concepts)
            # "мобилизация": the rules filed under mobilisation before those that mention it
            # (the reader's own word: a synonym's "служба" is in half the topics' names).
            topic_forms = _forms(topic, language)
            in_topic = sum(concept_in(c, topic_forms, language) == 1.0 for c in concepts)
            scored.setdefault(profile_id, []).append(
                {
                    "rule_id": rule_id,
                    "code": code,
                    "coverage": sum(matched) / len(concepts),
                    "own": own,
                    "heading_coverage": in_heading / len(concepts),
                    "complete": both == len(concepts),
                    "in_topic": in_topic,
                }
            )
    chosen = []  # (profile id, scores, whether it is the best of its profile)
    for profile_id, candidates in scored.items():
        # Ties go to the rule the profile lists first (the general rule before its special
        # cases: "Desertion: 5 to 15 years" before "Former prisoners … for desertion").
        candidates.sort(key=lambda h: (-h["coverage"], -h["heading_coverage"], -h["in_topic"]))
        chosen.extend((profile_id, h, i < RULES_PER_PROFILE) for i, h in enumerate(candidates))
    order = {pk: i for i, pk in enumerate(by_id)}  # the engine's order of their profiles
    home = HOME_COUNTRY.get(language)
    chosen.sort(
        key=lambda c: (
            not c[2],
            -c[1]["coverage"],
            -c[1]["heading_coverage"],
            -c[1]["in_topic"],
            c[1]["code"] != home,
            order[c[0]],
        )
    )
    rules = (
        LegalRule.objects.defer("sources")
        .select_related("profile__country")
        .in_bulk([h["rule_id"] for _pid, h, _best in chosen])
    )
    return [
        RuleHit(
            rules[h["rule_id"]],
            rules[h["rule_id"]].profile,
            coverage=h["coverage"],
            own=h["own"],
            heading_coverage=h["heading_coverage"],
            complete=h["complete"],
            best_of_profile=best,
        )
        for _pid, h, best in chosen
        if h["rule_id"] in rules
    ]
