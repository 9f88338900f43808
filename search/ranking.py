"""Answer-first ordering of the engine's hits and the rules found with them.

The engines score words; readers want the page that answers. On top of the engine's order:

- For a legal question (the hits include knowledge pages or rules) the answer types come
  first: a rule, then country profiles and guides, then news, then decisions (case records:
  a decision on someone else is no answer for the reader's own case, and a case number finds
  its decision anyway, as nothing else has it), then campaign pages (appeals, materials,
  fundraising), then the help page (offered beside the results anyway), then section start
  pages, which mention every topic in a few words.
- Within that, results whose title (a rule: its heading and country) has more of the query's
  concepts come first, then the engine's own order.
"""

from .rules import LEADING_RULES, PROFILE_TYPE, RULE_TYPE, concept_in
from .rules import _forms as forms_of
from .stopwords import is_stop_word

GUIDE_TYPE = "knowledge.guidepage"
HELP_TYPE = "campaign.helppage"
DECISION_TYPE = "knowledge.decisionpage"
SECTION_TYPES = frozenset(
    {
        "home.homepage",
        "knowledge.knowledgeindexpage",
        "knowledge.decisionindexpage",
        "news.newsindexpage",
        "campaign.campaignindexpage",
    }
)
KNOWLEDGE_TYPES = frozenset({PROFILE_TYPE, GUIDE_TYPE, RULE_TYPE})

# Weights for a legal question; a question about anything else weighs every type alike
# (sections still last): "Appell Bundestag" is the appeal.
LEGAL_WEIGHTS = {
    RULE_TYPE: 2.2,
    PROFILE_TYPE: 2.6,
    GUIDE_TYPE: 2.6,
    "news.newspage": 1.4,
    DECISION_TYPE: 1.2,
    HELP_TYPE: 0.8,
}
OTHER_WEIGHT = 1.0  # campaign pages and anything else
# Outside legal questions decisions still follow the pages with the same words: their long
# titles ("OVG Berlin-Brandenburg, Urteil vom …") name bodies and places every page mentions.
OTHER_DECISION_WEIGHT = 0.6
TITLE_WEIGHT = 1.5
POSITION_WEIGHT = 1.0
RULE_TEXT_WEIGHT = 0.5
ALL_CONCEPTS_WEIGHT = 1.0  # the page has every concept of the query (in some form)
SECTION_WEIGHT = -3.0
# The profile of a rule that answers every concept, when the reader named its country, is
# where they read that rule in context: it comes before news that repeat the words
# ("desertion penalties Russia"). Without the country named, profiles stay broad pages.
ANSWERING_PROFILE_WEIGHT = 0.6
# A decision asked for by its case number (search/cases.py): above everything, like a rule
# asked for by its article number.
CASE_NUMBER_WEIGHT = 10.0
# The country whose language the reader reads in: a Ukrainian reader typing "мобілізація"
# or "повістка від ТЦК що робити" more likely means Ukraine's, not the Belarus guide with
# the same words in its title. Ukrainian and Belarusian are read almost only at home; for
# Russian (read in all three countries) it only breaks ties; English and German have none.
HOME_COUNTRY = {"uk": "UA", "be": "BY", "ru": "RU"}
HOME_COUNTRY_WEIGHTS = {"uk": 0.8, "be": 0.8, "ru": 0.3}
# Outside legal questions (an appeal, a donation) the country only breaks ties: a news item
# about all three countries is no better an answer to "звернення до Бундестагу" for it.
HOME_COUNTRY_TIE_WEIGHT = 0.3
# A title that names another country than the reader's, when the query does not name it:
# "Я в Білорусі, мені прийшла повістка чи SMS: що робити?" is not the answer to "повістка
# від ТЦК що робити", though it has every word of it in its title.
OTHER_COUNTRY_TITLE_WEIGHT = -1.0
# Words that point to one country without naming it (an editor set the synonym group's
# country: "ТЦК", "бусификация" are Ukraine's): that country counts as the reader's home for
# the query, about as much as a title that names it.
IMPLIED_COUNTRY_WEIGHT = 1.5
# A rule that answers but is not one of the leading few (LEADING_RULES): after the answers
# and after news with as many of the words in their titles, so that a reader paging on or
# filtering for rules still finds it without it crowding out the rest.
FOLLOWING_RULE_WEIGHT = -2.0


def title_coverage(title, understood):
    concepts = understood.required or understood.searched
    if not concepts:
        return 0.0
    forms = forms_of(title, understood.language)
    return sum(concept_in(c, forms, understood.language) for c in concepts) / len(concepts)


# Words that ask for a person to talk to: the help page answers them, legal pages do not.
HELP_WORDS = {
    "en": "help hotline counselling counseling counsellor advice adviser lawyer consultation "
    "support",
    "de": "hilfe hotline beratung beraten beraterin berater anwalt anwältin rechtsberatung "
    "unterstützung",
    "ru": "помощь помочь помогите горячая консультация консультант юрист адвокат поддержка",
    "uk": "допомога допомогти допоможіть гаряча консультація консультант юрист адвокат підтримка",
    "be": "дапамога дапамажыце гарачая кансультацыя кансультант юрыст адвакат падтрымка",
}
HELP_WEIGHT = 4.5  # above the answers: the reader asked for a person


def asks_for_help(understood):
    from core.lemmas import query_lemmas

    language = understood.language
    words = query_lemmas(HELP_WORDS.get(language, ""), language)
    typed = query_lemmas(" ".join(c.typed for c in understood.concepts), language)
    return bool(words & typed)


def is_legal_question(hits, rule_hits):
    return bool(rule_hits) or any(h.type_key in KNOWLEDGE_TYPES for h in hits[:5])


# Hits re-ordered here; those after them keep the engine's order (a reader seldom pages that
# far, and weighing 200 titles per search costs more than it brings).
RANKED = 60


def names_other_country(item, title, language, query_forms, country_names, home):
    """Whether `title` names a country of `item` other than `home` that the query does not
    name (every word of the country's name is in the title; none in the query or its
    synonyms, `query_forms`). The occupied areas are Ukraine's."""
    if not home:
        return False
    title_forms = None
    for country in item.countries:
        if country.code == home or (home == "UA" and country.code == "UA-OCC"):
            continue
        name = forms_of(country_names.get(country.translation_key, country.name), language)
        if title_forms is None:
            title_forms = forms_of(title, language)
        if name and name <= title_forms and not name & query_forms:
            return True
    return False


def names_a_country(query_forms, country_names, language):
    """Whether the query (its words and synonyms, `query_forms`) names a country: some word
    of a country's name that is not a small word ("of" in "occupied areas of Ukraine")."""
    for name in country_names.values():
        words = {w for w in forms_of(name, language) if not is_stop_word(w, language)}
        if words & query_forms:
            return True
    return False


def home_of(understood, country_names, legal):
    """(the country the query is about unless it names one, its weight): the country its
    words point to ("ТЦК"), else the reader's by language. The words of a group that points
    to a country do not count as naming one ("ВСУ": "Вооружённые силы Украины")."""
    language = understood.language
    implied = understood.country
    others = " ".join(a for c in understood.concepts if not c.country for a in c.alternatives)
    if implied and not names_a_country(forms_of(others, language), country_names, language):
        return implied, IMPLIED_COUNTRY_WEIGHT if legal else HOME_COUNTRY_TIE_WEIGHT
    home = HOME_COUNTRY.get(language)
    return home, HOME_COUNTRY_WEIGHTS.get(language, 0.0) if legal else HOME_COUNTRY_TIE_WEIGHT


def rank(hits, rule_hits, understood, country_names=None):
    """`hits` (search/results.Hit, engine order) and `rule_hits` (search/rules.RuleHit)
    merged, best first. `country_names`: {country translation key: name in the reader's
    language} (knowledge.queries.country_names_by_key)."""
    hits, rest = hits[:RANKED], hits[RANKED:]
    legal = is_legal_question(hits, rule_hits)
    help_wanted = asks_for_help(understood)
    country_names = country_names or {}
    language = understood.language
    query_forms = forms_of(
        " ".join(alt for c in understood.concepts for alt in c.alternatives), language
    )
    home, home_weight = home_of(understood, country_names, legal)

    def at_home(item, title):
        score = home_weight * any(c.code == home for c in item.countries)
        if names_other_country(item, title, language, query_forms, country_names, home):
            score += OTHER_COUNTRY_TITLE_WEIGHT
        return score

    answering = {r.profile.pk for r in rule_hits if r.complete}
    # The engine's rank counts by place, not by share of the list: the sixth of seven hits is
    # nearly as good as the first (its title may answer better), the sixtieth is not.
    total = max(len(hits), RANKED)
    scored = []
    position_of = {}
    for i, hit in enumerate(hits):
        position = POSITION_WEIGHT * (1 - i / total)
        position_of[hit.page.pk] = position
        if hit.type_key in SECTION_TYPES:
            weight = SECTION_WEIGHT
        elif hit.type_key == HELP_TYPE and help_wanted:
            weight = HELP_WEIGHT
        elif legal:
            weight = LEGAL_WEIGHTS.get(hit.type_key, OTHER_WEIGHT)
        elif hit.type_key == DECISION_TYPE:
            weight = OTHER_DECISION_WEIGHT
        else:
            weight = OTHER_WEIGHT
        coverage = title_coverage(hit.page.title, understood)
        score = weight + TITLE_WEIGHT * coverage + position
        if hit.all_concepts:
            score += ALL_CONCEPTS_WEIGHT
        score += at_home(hit, hit.page.title)
        if hit.by_case_number:
            score += CASE_NUMBER_WEIGHT
        if legal and hit.type_key == PROFILE_TYPE and hit.page.pk in answering and coverage:
            score += ANSWERING_PROFILE_WEIGHT
        scored.append((score, i, hit))
    rule_scores = []
    for j, rule_hit in enumerate(rule_hits):
        if rule_hit.by_article:
            score = 10.0 - j * 0.01  # asked for by number: first, in profile order
        else:
            # Like a page whose title is the rule's heading (with its country's name), a
            # little above a profile or guide with the same words in its title; the rest
            # of its text counts for less.
            position = position_of.get(rule_hit.profile.pk, 0.0)
            position += ALL_CONCEPTS_WEIGHT * rule_hit.complete
            score = (
                LEGAL_WEIGHTS[RULE_TYPE]
                + TITLE_WEIGHT * rule_hit.heading_coverage
                + RULE_TEXT_WEIGHT * rule_hit.coverage
                + position
                + at_home(rule_hit, rule_hit.rule.heading)
            )
        rule_scores.append((score, j, rule_hit))
    # The best rule of each profile may lead, the LEADING_RULES best of them by the same
    # score that orders them (the reader's country, the profile's place among the hits), not
    # by their share of the words alone: for "ваенкамат забарона выезду" Ukraine's exit ban
    # leads with Belarus's and Russia's, not the occupied areas' rule on evasion.
    bests = sorted((s for s in rule_scores if s[2].best_of_profile), key=lambda s: (-s[0], s[1]))
    leaders = {id(s[2]) for s in bests[:LEADING_RULES]}
    for score, _j, rule_hit in rule_scores:
        rule_hit.leading = rule_hit.by_article or id(rule_hit) in leaders
        if not rule_hit.leading:
            score += FOLLOWING_RULE_WEIGHT
        scored.append((score, -1, rule_hit))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [item for _score, _i, item in scored] + rest
