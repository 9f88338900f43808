"""What a reader sees of each search hit: type, countries, date and a highlighted snippet,
plus the counts behind the country and type filters."""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.models import get_page_models

from core.content_cache import content_lookup
from core.lemmas import lemma, searchable_text
from knowledge.queries import country_names_by_key

from .stopwords import is_stop_word

SNIPPET_WORDS = 32
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*", re.UNICODE)


@dataclass
class Card:
    page: object
    type_label: str
    type_key: str
    country_codes: list = field(default_factory=list)
    country_names: list = field(default_factory=list)
    date: object = None
    date_kind: str = ""  # "published" for news, "reviewed" for legal content
    snippet: str = ""
    language_name: str = ""  # a result in another language: its name and code
    language_code: str = ""
    # A legal rule: its heading, status and penalty, linking to its anchor on the profile.
    rule: object = None
    url: str = ""
    title: str = ""
    status_label: str = ""
    penalty: str = ""

    @property
    def heading(self):
        return self.title or self.page.title

    @property
    def lang_attribute(self):
        """' lang="ru"' for the texts of a card from another language (screen readers read
        them in it); nothing for the reader's own."""
        return format_html(' lang="{}"', self.language_code) if self.language_name else ""


def type_key(page):
    """e.g. "news.newspage": stable, used in filter links (a plain Page gives its type's)."""
    return (page.specific_class or type(page))._meta.label_lower


def date_of(page):
    if getattr(page, "date", None):
        return page.date, "published"
    if getattr(page, "last_reviewed", None):
        return page.last_reviewed, "reviewed"
    if page.last_published_at:
        return page.last_published_at.date(), "updated"
    return None, ""


def country_names(countries, locale):
    """{code: name in `locale`} for Country rows of any locale."""
    translated = country_names_by_key(locale)
    return {c.code: translated.get(c.translation_key, c.name) for c in countries}


def type_label(model):
    """The page type in the reader's language ("Главная страница", not "home page")."""
    return str(model._meta.verbose_name)


def rule_card(hit, query_words, language_code, locale):
    from knowledge.glance import describe_penalty, describe_status

    rule, profile = hit.rule, hit.profile
    country = profile.country
    name = country_names([country], locale).get(country.code, country.name)
    reviewed = rule.last_reviewed or profile.last_reviewed
    return Card(
        page=profile,
        type_label=hit.type_label,
        type_key=hit.type_key,
        country_codes=[country.code],
        country_names=[name],
        date=reviewed,
        date_kind="reviewed" if reviewed else "",
        snippet=text_snippet([rule.summary, rule.other_consequences], query_words, language_code),
        rule=rule,
        url=f"{profile.url}#{rule.anchor}",
        title=rule.heading,
        status_label=describe_status(rule),
        penalty=describe_penalty(rule),
    )


@dataclass(frozen=True)
class CardFacts:
    """What a result card shows of a page beyond its hit, read from the specific page."""

    date: object
    date_kind: str
    texts: tuple  # the short description fields, then the page's whole text (the snippet's)


@content_lookup("search-card")
def card_facts(page):
    specific = page.specific
    when, kind = date_of(specific)
    return CardFacts(when, kind, tuple(summary_text(specific)))


def page_card(hit, names, query_words, language_code, facts=None):
    """The card of a page hit; `names`: {country code: name in the reader's language};
    `facts`: its card_facts when asked for with the other cards'."""
    facts = facts or card_facts(hit.page)
    codes = sorted({c.code for c in hit.countries})
    return Card(
        page=hit.page,
        type_label=hit.type_label,
        type_key=hit.type_key,
        country_codes=codes,
        country_names=[names[code] for code in codes],
        date=facts.date,
        date_kind=facts.date_kind,
        snippet=text_snippet(facts.texts, query_words, language_code),
    )


def summary_text(page):
    for name in ("search_description", "teaser", "summary", "introduction"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            yield value
    yield searchable_text(page)


def text_snippet(texts, query_words, language_code):
    """About SNIPPET_WORDS words around the first match in the first of `texts` that has
    one, matches in <mark>, all escaped. A word matches when it equals a query word or
    shares its base form, so an inflected hit ("дезертира" for "дезертир") is marked too.
    A query "word" with spaces is a phrase: its words are marked where it stands whole
    (less its small words)."""
    wanted = {w.lower() for w in query_words if " " not in w}
    wanted_lemmas = {lemma(w, language_code) for w in wanted}
    prefixes = {w[:3] for w in wanted | wanted_lemmas}
    phrases = [w.lower().split() for w in query_words if " " in w]

    def matches(token):
        low = token.lower()
        if low in wanted:
            return True
        return low[:3] in prefixes and lemma(low, language_code) in wanted_lemmas

    def same(low, word):
        # The first two letters first: a base form is looked up only for likely words.
        return low == word or (
            low[:2] == word[:2] and lemma(low, language_code) == lemma(word, language_code)
        )

    def phrase_hits(tokens):
        lows = [m.group().lower() for m in tokens]
        # Where each phrase may start: a word with its first word's first two letters (what
        # same() asks first), looked up instead of comparing every word of a long page.
        starts = {}
        for i, low in enumerate(lows):
            starts.setdefault(low[:2], []).append(i)
        found = set()
        for phrase in phrases:
            n = len(phrase)
            for i in starts.get(phrase[0][:2], ()):
                if i + n <= len(lows) and all(same(lows[i + k], phrase[k]) for k in range(n)):
                    found.update(
                        i + k for k in range(n) if not is_stop_word(phrase[k], language_code)
                    )
        return found

    first = None
    for text in texts:
        if not text:
            continue
        tokens = list(_TOKEN.finditer(text))
        hits = {i for i, m in enumerate(tokens) if matches(m.group())}
        if phrases:
            hits |= phrase_hits(tokens)
        if hits:
            return _render(text, tokens, sorted(hits))
        first = first or (text, tokens)
    return _render(*first, []) if first and first[1] else ""


def _render(text, tokens, hits):
    start = max(0, (hits[0] if hits else 0) - SNIPPET_WORDS // 3)
    end = min(len(tokens), start + SNIPPET_WORDS)
    hit_set = set(hits)
    out = ["… " if start > 0 else ""]
    cursor = tokens[start].start()
    for i in range(start, end):
        match = tokens[i]
        out.append(escape(text[cursor : match.start()]))
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if i in hit_set else word)
        cursor = match.end()
    if end < len(tokens):
        out.append(" …")
    else:
        out.append(escape(text[cursor:]))
    return mark_safe("".join(out).strip())  # noqa: S308 - every piece of text is escaped


@dataclass(frozen=True)
class CountryRow:
    code: str
    translation_key: object
    name: str


@dataclass
class Hit:
    """What the filters need of a hit, read without loading the page itself."""

    page: object  # a plain Page (title, slug, URL parts), not its specific model
    type_key: str
    type_label: str
    countries: list = field(default_factory=list)  # CountryRow
    all_concepts: bool = False  # found by the query that asks for every concept
    by_case_number: bool = False  # a decision whose case number the reader typed

    def matches(self, type_filter, country_filter):
        if type_filter and self.type_key != type_filter:
            return False
        return not country_filter or country_filter in {c.code for c in self.countries}


def _country_relation(model):
    fields = {f.name for f in model._meta.get_fields()}
    return next((name for name in ("country", "countries") if name in fields), None)


@content_lookup("search-page-countries")
def page_countries(locale):
    """{page id: (CountryRow, …)} of every page of `locale` about a country (as stored: the
    English Country rows). The filters count them over up to 200 hits per search."""
    found = {}
    for model in get_page_models():
        relation = _country_relation(model)
        if relation is None:
            continue
        rows = model.objects.filter(locale=locale).values_list(
            "pk", f"{relation}__code", f"{relation}__translation_key", f"{relation}__name"
        )
        for pk, code, key, name in rows:
            if code is not None:
                found.setdefault(pk, {})[code] = CountryRow(code, key, name)
    return {pk: tuple(rows.values()) for pk, rows in found.items()}


def describe_hits(pages, locale):
    """[Hit] for plain Page hits of `locale`: type from the content type, countries from
    `page_countries` (not the specific pages with their bodies, only to count the filters)."""
    countries = page_countries(locale)
    labels = {}  # per type, not per hit: each label is a gettext lookup, 200 hits a search
    hits = []
    for page in pages:
        model = page.specific_class or type(page)
        if model not in labels:
            labels[model] = (model._meta.label_lower, type_label(model))
        key, label = labels[model]
        hits.append(
            Hit(
                page=page,
                type_key=key,
                type_label=label,
                countries=list(countries.get(page.pk, ())),
                all_concepts=getattr(page, "all_concepts", False),
            )
        )
    return hits


def facets(hits, locale):
    """Counts per content type and per country for the filter links."""
    types = Counter()
    labels = {}
    countries = Counter()
    all_countries = []
    for hit in hits:
        types[hit.type_key] += 1
        labels[hit.type_key] = hit.type_label
        all_countries.extend(hit.countries)
        for code in {c.code for c in hit.countries}:
            countries[code] += 1
    names = country_names(all_countries, locale)
    return (
        sorted(((key, labels[key], n) for key, n in types.items()), key=lambda t: t[1]),
        sorted(((code, names[code], n) for code, n in countries.items()), key=lambda t: t[1]),
    )
