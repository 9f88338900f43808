"""Search as frightened readers type: questions, typos, Latin letters, abbreviations and
colloquial words, article numbers, Belarusian case forms; answers first, no dead ends.

Every test runs on the engine of the pass (SQLite, PostgreSQL, the search node in CI's third
pass). Pages a test needs are made here (tests/builders/news.py) or are demo pages named by
their slugs (kept by the demo content).
"""

import re
from datetime import date
from html import unescape
from urllib.parse import quote

from django.utils import translation

from wagtail.models import Page

import pytest

from core.lemmas import lemma
from demo import data
from home.models import HomePage
from news.models import NewsIndexPage
from search import indexing, routing, vocabulary
from search.models import SearchSynonym, SearchTerm
from search.translit import skeleton
from tests.builders.news import make_news

pytestmark = pytest.mark.django_db


def search_html(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_links(html):
    """The links of the result cards, in order (page URLs, rules with their #anchor)."""
    main = html.split('<ol class="search-results">', 1)
    if len(main) < 2:
        return []
    listing = main[1].split("</ol>", 1)[0]
    return [unescape(h) for h in re.findall(r'<h2><a href="([^"]+)">', listing)]


def slugs(links):
    return [link.split("#")[0].rstrip("/").rsplit("/", 1)[-1] for link in links]


def searchable(*pages):
    """What the queue worker does after a publish: the node learns the pages."""
    indexing.catch_up()
    for name in routing.engine_backend_names():
        routing.backend(name).get_index_for_model(Page).refresh()
    return pages


def news_page(language, title, teaser):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    page = make_news(
        index, date(2026, 11, 30), title=title, teaser=teaser, slug=f"t-{abs(hash(title))}"
    )
    searchable(page)
    return page


# --- questions and small words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "query", "slug"),
    [
        ("ru", "что будет если я проигнорирую повестку", "ignored-electronic-summons"),
        ("ru", "что будет если не пойти в военкомат по повестке", "ignored-electronic-summons"),
        ("en", "what happens if i ignore the summons", "ignored-electronic-summons"),
        ("uk", "що буде якщо не піти за повісткою", "ignored-electronic-summons"),
        ("de", "wie kann ich den Zivildienst beantragen", "alternative-service-russia"),
    ],
)
def test_questions_find_the_answer(client, demo_content, language, query, slug):
    assert slug in slugs(result_links(search_html(client, language, query)))[:3]


@pytest.mark.parametrize(
    ("language", "query"),
    [("ru", "как"), ("en", "the"), ("uk", "як"), ("ru", "chto"), ("ru", "kak")],  # Latin too
)
def test_small_words_alone_match_nothing(client, demo_content, language, query):
    html = search_html(client, language, query)
    assert result_links(html) == []
    assert 'class="search-nothing"' in html


def test_a_small_word_does_not_make_an_unrelated_page_match(client, demo_content):
    html = search_html(client, "en", "the quorplexian")
    assert result_links(html) == []


def test_a_wish_is_not_what_the_query_asks_about(client, demo_content):
    # "хочу" matched "Россия хочет меня призвать" (the occupied areas' guide) before anything
    # the reader asked about; the project «Хочу жить» keeps it (a synonym phrase).
    links = result_links(search_html(client, "ru", "хочу квартиру"))
    assert not [link for link in links if "occupied" in link or "оккуп" in link], links
    links = result_links(search_html(client, "ru", "хочу жить"))
    assert links and "#" in links[0], links  # the surrender rule, at its anchor


# --- typos -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [
        ("ru", "мобилизцаия", {"мобилизация"}),
        ("en", "asylym", {"asylum"}),
        # one letter off "Deserteur" and two swapped in "Deserteure": either is right
        ("de", "Deserteuer", {"deserteure", "deserteur"}),
        # half typed: completed, not "corrected" to "einer"
        ("de", "Einber", {"einberufen", "einberufung", "einberufungsbescheid"}),
        ("en", "deser", {"desert", "deserter", "desertion", "deserters"}),
    ],
)
def test_a_typo_finds_pages_and_offers_the_spelling_as_a_link(
    client, demo_content, language, typed, meant
):
    html = search_html(client, language, typed)
    assert result_links(html), "the corrected word finds pages at once"
    suggestion = re.search(
        r'class="search-suggestion">[^<]*<a href="\?q=([^"&]+)[^"]*">([^<]+)</a>', html
    )
    assert suggestion, "Did you mean … is offered as a link"
    assert suggestion.group(2).lower() in meant


def test_a_half_typed_word_is_completed_to_the_most_used_word():
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(language="en", word=w, lemma=w, skeleton=skeleton(w), pages=n)
            for w, n in [("quorplexity", 5), ("quorplexite", 1), ("quorp", 9)]
        ]
    )
    assert vocabulary.completion("quorpl", "en") == "quorplexity"
    assert vocabulary.completion("Quorple", "en") == "quorplexity"
    assert vocabulary.completion("quor", "en") is None  # too short to say
    assert vocabulary.completion("quorplexity", "en") is None  # nothing longer
    assert vocabulary.completion("xquorpl", "en") is None


@pytest.mark.parametrize(
    ("language", "typed", "offered"),
    [
        ("de", "asy", "Asyl"),
        ("en", "asy", "asylum"),
        # the editors' word, though no page writes it (one says "Fahndung")
        ("de", "fahn", "Fahnenflucht"),
        # a letter from "des" and "дзе" (small words): a beginning, not a misspelling
        ("de", "dese", "Desertion"),
        ("be", "дэзе", "дэзерцірства"),
    ],
)
def test_a_short_beginning_is_offered_its_word(client, demo_content, language, typed, offered):
    html = search_html(client, language, typed)
    suggestion = re.search(r'class="search-suggestion">[^<]*<a href="([^"]+)">([^<]+)</a>', html)
    assert suggestion, "a way on"
    assert suggestion.group(2) == offered and f"q={quote(offered)}" in suggestion.group(1)
    assert result_links(search_html(client, language, offered))


def test_a_beginning_stemmed_to_a_small_word_does_not_match_every_page(client, demo_content):
    # The German stemmer makes "deser" the article "des"
    links = result_links(search_html(client, "de", "deser"))
    assert links and any("#" in link for link in links[:5]), links[:5]  # desertion rules


def test_nearest_word_of_the_vocabulary():
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(language="en", word=w, lemma=w, skeleton=skeleton(w), pages=n)
            for w, n in [("quorplexity", 5), ("quorplexite", 1), ("zentrification", 2)]
        ]
    )
    assert vocabulary.nearest("qourplexity", "en") == "quorplexity"  # two letters swapped
    assert vocabulary.nearest("quorplexty", "en") == "quorplexity"  # one letter missing
    assert vocabulary.nearest("zentrifikation", "en") == "zentrification"
    assert vocabulary.nearest("abcdefgh", "en") is None
    # a word that only starts like a negation is corrected as any other
    SearchTerm.objects.create(
        language="en", word="inquorform", lemma="inquorform", skeleton="inquorform", pages=3
    )
    assert vocabulary.nearest("iquorform", "en") == "inquorform"
    assert vocabulary.nearest("inquorfrom", "en") == "inquorform"


@pytest.mark.parametrize(
    ("language", "typed", "opposite"),
    [  # made-up words, so that no word of the demo pages is nearer; each stem starts like
        # the typed word's first or second letter (SQLite compares only such words)
        ("de", "illorbal", "lorbal"),
        ("de", "ilorbal", "lorbal"),  # "illegal" misspelt is no typo of "legal" either
        ("en", "unnorful", "norful"),
        ("en", "quorful", "unquorful"),
        ("ru", "неелбный", "елбный"),
        ("uk", "неелбний", "елбний"),
        ("be", "неелбны", "елбны"),
        ("ru", "neelbnyj", "елбный"),  # Latin letters: compared as skeletons
    ],
)
def test_a_word_is_never_corrected_to_its_opposite(language, typed, opposite):
    """As "legal" for "illegal": "Grenze illegal überqueren" corrected to "… legal …" would
    reverse the reader's question."""
    SearchTerm.objects.create(
        language=language, word=opposite, lemma=opposite, skeleton=skeleton(opposite), pages=50
    )
    assert vocabulary.nearest(typed, language) is None
    # a real typo of the word still is corrected
    assert vocabulary.nearest(opposite + opposite[-1], language) == opposite


# --- Latin letters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("мобилизация", "mobilizatsiya"),
        ("мобилизация", "mobilizacia"),
        ("відстрочка", "vidstrochka"),
        ("дезертир", "dezertyr"),
        ("повестка", "povestka"),
        ("призыв", "prizyv"),
        ("ухилянт", "ukhyliant"),
        ("щит", "shchit"),
    ],
)
def test_latin_spellings_share_the_skeleton_of_the_cyrillic_word(cyrillic, latin):
    assert skeleton(cyrillic) == skeleton(latin)


@pytest.mark.parametrize(
    ("language", "query", "slug"),
    [
        ("ru", "povestka", "ignored-electronic-summons"),
        ("ru", "elektronnaya povestka", "ignored-electronic-summons"),
        ("uk", "dezertyr", "germany-protection-deserters"),
        ("ru", "alternativnaya sluzhba", "alternative-service-russia"),
    ],
)
def test_latin_typed_words_find_cyrillic_pages(client, demo_content, language, query, slug):
    assert slug in slugs(result_links(search_html(client, language, query)))[:5]


# --- synonyms --------------------------------------------------------------------------


def test_an_editors_synonym_works_at_once(client, demo_content):
    assert result_links(search_html(client, "ru", "квазиплюх")) == []
    SearchSynonym.objects.create(locale=home_locale("ru"), terms="квазиплюх\nповестка")
    assert "ignored-electronic-summons" in slugs(
        result_links(search_html(client, "ru", "квазиплюх"))
    )


def home_locale(language):
    return HomePage.objects.get(locale__language_code=language).locale


@pytest.mark.parametrize(
    ("language", "query", "text"),
    [
        ("ru", "ВВК", "Его вызвали на военно-врачебную комиссию в октябре."),
        ("ru", "уклонист", "Уклоняющийся от призыва может получить штраф."),
        ("uk", "ухилянт", "Той, хто ухиляється від мобілізації, ризикує штрафом."),
        ("uk", "ВЛК", "Він пройшов військово-лікарську комісію."),
        ("en", "AWOL", "He was absent without leave for two weeks."),
        ("de", "Wehrpflicht", "Der Militärdienst dauert zwölf Monate."),
        ("be", "павестка", "Ён атрымаў позву ў ваенкамат."),
    ],
)
def test_demo_synonyms_find_the_words_pages_use(client, demo_content, language, query, text):
    page = news_page(language, f"Quorplex {query}", text)
    assert page.slug in slugs(result_links(search_html(client, language, query)))


# --- article numbers and rules as results ----------------------------------------------


def _rule_with_article(country):
    for rule in data.profile(country)["rules"]:
        found = re.search(r"\b(\d{3})\b", rule.get("article") or "")
        if found:
            return rule, found.group(1)
    raise LookupError(country)


@pytest.mark.parametrize(
    ("language", "template"),
    [("ru", "ст. {}"), ("ru", "статья {}"), ("ru", "{}"), ("en", "Art. {}"), ("uk", "стаття {}")],
)
def test_article_numbers_find_the_rule(client, demo_content, language, template):
    rule, number = _rule_with_article("RU")
    html = search_html(client, language, template.format(number))
    first = result_links(html)[0]
    assert "/russia/#rule-" in first
    card = html.split('class="search-result search-result--rule"', 1)[1].split("</li>", 1)[0]
    heading = data.translation(language, rule["heading"], "knowledge")
    assert unescape(re.search(r'<h2><a href="[^"]+">([^<]+)</a>', card).group(1)) == heading
    assert 'class="badge badge--' in card  # its status
    if rule["penalty_kind"] != "none":
        assert 'class="search-result__penalty"' in card
    # the anchor exists on the profile
    profile = client.get(first.split("#")[0]).content.decode()
    assert f'id="{first.split("#")[1]}"' in profile


def test_a_legal_question_shows_the_rule_and_profiles_before_news(client, demo_content):
    links = result_links(search_html(client, "en", "desertion penalties Russia"))
    kinds = [
        "rule" if "#rule-" in link else slug for link, slug in zip(links, slugs(links), strict=True)
    ]
    assert kinds[0] in ("rule", "russia")
    first_news = next((i for i, link in enumerate(links) if "/news/" in link), len(links))
    assert kinds.index("russia") < first_news


def test_the_deserters_guide_comes_before_the_help_page_and_appeals(client, demo_content):
    links = result_links(search_html(client, "ru", "дезертир"))
    found = slugs(links)
    guide = found.index("germany-protection-deserters")
    for other in ("help", "appeal-bundestag", "appeal-council-of-europe"):
        if other in found:
            assert guide < found.index(other)


@pytest.mark.parametrize(
    ("language", "query", "other"),
    [
        # every word in the Belarus guide's title; the reader reads Ukrainian
        ("uk", "повістка від тцк що робити", "білорус"),
        ("uk", "ТЦК", "білорус"),
        ("ru", "сыну пришла повестка что делать", "беларус"),
    ],
)
def test_a_title_about_another_country_does_not_come_first(
    client, demo_content, language, query, other
):
    html = search_html(client, language, query)
    first = re.search(r'<ol class="search-results">.*?<h2><a href="[^"]+">([^<]+)</a>', html, re.S)
    assert first, "results are found"
    assert other not in unescape(first.group(1)).lower(), first.group(1)


UKRAINE = {"ukraine"}


@pytest.mark.parametrize(
    ("language", "query", "answers"),
    [
        # a Ukrainian word read on the Russian, English and Belarusian sites
        ("ru", "бусификация", UKRAINE),
        ("en", "busification", UKRAINE),
        ("be", "ТЦК", UKRAINE),
        ("de", "TZK Strafe", UKRAINE),
        # deserting from the Ukrainian army: Ukraine's profile never writes "ВСУ", and the
        # group's "Вооружённые силы Украины" does not make Russia's desertion rule lead
        ("ru", "ВСУ дезертирство", UKRAINE),
        # the app's "+" is no letter: "резерв" alone is in the Russian reservists' rule too;
        # the guide on leaving Ukraine tells readers to update their data in it
        ("uk", "резерв плюс", UKRAINE | {"leaving-ukraine"}),
    ],
)
def test_words_that_point_to_one_country_bring_its_answers_first(
    client, demo_content, language, query, answers
):
    links = result_links(search_html(client, language, query))
    assert links, "results are found"
    assert slugs(links[:1])[0] in answers, links[:3]


def test_an_editor_says_which_country_a_synonym_group_means(client, demo_content):
    group = SearchSynonym.objects.create(locale=home_locale("en"), terms="quasiplukh\nsummons")
    before = slugs(result_links(search_html(client, "en", "quasiplukh fine")))
    assert before and not before[0].startswith("belarus"), before[:3]
    group.country = "BY"
    group.save()
    after = slugs(result_links(search_html(client, "en", "quasiplukh fine")))
    assert after[0].startswith("belarus"), after[:3]  # the profile or its summons guide
    # Naming another country wins over the group's.
    named = slugs(result_links(search_html(client, "en", "quasiplukh fine russia")))
    assert named[0] == "russia", named[:3]


def test_every_rule_that_answers_is_a_result_the_rule_filter_lists(client, demo_content):
    penalty = result_links(search_html(client, "en", "penalty", type="knowledge.legalrule"))
    assert len(penalty) > 3, penalty  # not only the three leading rules
    assert all("#" in link for link in penalty)
    # A special case whose general rule leads ("Desertion: 5 to 15 years"): listed too.
    desertion = unescape(search_html(client, "en", "desertion", type="knowledge.legalrule"))
    assert "Former prisoners who signed a contract" in desertion


@pytest.mark.parametrize(
    ("language", "query", "heading"),
    [
        # "after" is a small word; "leaving" meets the rule's "leave"
        ("en", "leave russia after summons", "Exit ban once a summons counts as served"),
        ("en", "leaving russia", "Exit ban once a summons counts as served"),
    ],
)
def test_a_rule_not_the_best_of_its_profile_is_found_too(
    client, demo_content, language, query, heading
):
    html = unescape(search_html(client, language, query))
    listing = html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]
    assert heading in listing


def test_a_typo_is_corrected_to_the_word_most_pages_use(client, demo_content):
    # "asyl" (one English page quotes the German word) is as near to "asylm" as "asylum"
    assert vocabulary.nearest("asylm", "en") == "asylum"


def test_the_help_is_offered_beside_the_results(client, demo_content):
    html = search_html(client, "ru", "дезертир")
    assert result_links(html)
    aside = html.split('<aside class="search-help"', 1)[1].split("</aside>", 1)[0]
    assert "/ru/" in aside and "help-channels" in aside


# --- Belarusian ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("мабілізацыя", "мабілізацыі"),
        ("ўцекачоў", "уцекачы"),
        ("позва", "позву"),
        ("дэзерціра", "дэзерцір"),
    ],
)
def test_belarusian_case_forms_share_a_base_form(a, b):
    assert lemma(a, "be") == lemma(b, "be")


def test_belarusian_case_forms_find_each_other(client, demo_content):
    page = news_page("be", "Квазіплюх і мабілізацыя", "Навіны пра мабілізацыю і позвы.")
    assert page.slug in slugs(result_links(search_html(client, "be", "квазіплюху мабілізацыі")))


# --- no dead ends ----------------------------------------------------------------------


def test_nothing_found_offers_the_situation_guide_help_and_other_languages(client, demo_content):
    html = search_html(client, "ru", "квазиплюхщина")
    assert 'class="search-nothing"' in html
    assert re.search(r'class="search-situation-guide">.*?href="[^"]*/situation/"', html, re.S)
    assert "help-channels" in html.split('<aside class="search-help"', 1)[1]
    # a word found in another language only: its results are offered
    other = search_html(client, "en", "мобилизация")
    assert 'aria-labelledby="other-ru"' in other


def test_results_in_other_languages_are_named_and_marked_for_the_reader(client, demo_content):
    html = search_html(client, "en", "повестка")  # no English page has the word
    section = html.split('aria-labelledby="other-ru"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"results? in Russian</h2>", section), "the language named in English"
    assert "All results in Russian" in section
    card = section.split('<li class="search-result', 1)[1].split("</li>", 1)[0]
    # the page's own words are Russian; the labels around them are the reader's English
    assert re.search(r'<a href="[^"]+" lang="ru">', card)
    assert 'lang="ru"' not in card.split(">", 1)[0]  # not the whole card
    assert re.search(r'class="search-result__type">[A-Z][a-z]', card)


@pytest.mark.parametrize("language", ["de", "ru", "uk", "be"])
def test_result_types_are_in_the_readers_language(language):
    page_models = {type(p.specific) for p in Page.objects.filter(depth__gt=1).live()}
    english = {m: _english(m) for m in page_models}
    with translation.override(language):
        untranslated = [m.__name__ for m in page_models if str(m._meta.verbose_name) == english[m]]
    assert not untranslated


def _english(model):
    with translation.override("en"):
        return str(model._meta.verbose_name)


def test_the_home_page_card_says_home_page_in_russian(client, demo_content):
    home = HomePage.objects.get(locale__language_code="ru")
    html = search_html(client, "ru", home.title)
    assert "Home page" not in html
    assert "Главная страница" in html


# --- suggestions -----------------------------------------------------------------------


def test_suggestions_match_words_inside_titles_and_rule_headings(client, demo_content):
    guide = data.guide("ignored-electronic-summons")
    title = data.translation("ru", guide["title"], "knowledge")
    inner = [w for w in re.findall(r"\w+", title) if len(w) > 5][-1]  # a word inside the title
    response = client.get("/ru/search/suggest/", {"q": inner[:5]})
    assert "no-store" in response["Cache-Control"]  # not kept even by the reader's browser
    assert title in [s["title"] for s in response.json()["suggestions"]]
    rule = data.profile("RU")["rules"][-1]
    word = [w for w in re.findall(r"\w+", rule["heading"]) if len(w) > 4][-1]
    found = client.get("/en/search/suggest/", {"q": word[:4]}).json()["suggestions"]
    assert any(s["title"] == rule["heading"] and "#rule-" in s["url"] for s in found)


# --- the API and privacy ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["povestka", "мобилизцаия", "повестки на госуслугах"])
def test_the_api_search_reads_queries_the_same_way(client, demo_content, query):
    data_ = client.get("/api/v2/pages/", {"search": query, "locale": "ru"}).json()
    assert data_["meta"]["total_count"] > 0


def test_searching_teaches_the_vocabulary_nothing(client, demo_content):
    search_html(client, "ru", "квазиплюхщина")
    client.get("/ru/search/suggest/", {"q": "квазиплюхщина"})
    assert not SearchTerm.objects.filter(word__icontains="квазиплюх").exists()


def test_the_api_finds_the_profile_of_an_article_number(client, demo_content):
    _rule, number = _rule_with_article("RU")
    found = client.get("/api/v2/pages/", {"search": f"ст. {number}", "locale": "ru"}).json()
    assert "russia" in [item["meta"]["slug"] for item in found["items"]]


@pytest.mark.parametrize(
    ("language", "query", "country"),
    [
        # the profile says "служба", never "войска": the army is what every page is about
        ("be", "колькі служаць у войску", "belarus"),
        ("uk", "скільки служать в армії", "ukraine"),
    ],
)
def test_how_long_they_serve_in_the_army_is_the_readers_countrys_rule(
    client, demo_content, language, query, country
):
    links = result_links(search_html(client, language, query))
    assert links and "#" in links[0] and slugs(links[:1]) == [country], links[:3]


@pytest.mark.parametrize(
    ("language", "query"),
    [
        # no page says "попасть", "потрапити", "entkommen": the army is what is left to find
        ("ru", "как не попасть в армию"),
        ("uk", "як не потрапити в армію"),
        ("de", "Armee entkommen"),
        # few pages say "взяли": those about the army follow them
        ("ru", "взяли в армию"),
    ],
)
def test_a_broad_word_is_searched_when_the_other_words_find_little(
    client, demo_content, language, query
):
    assert len(result_links(search_html(client, language, query))) >= 5


def test_an_editor_marks_words_every_page_is_about_as_broad(client, demo_content):
    group = SearchSynonym.objects.get(locale__language_code="be", terms__startswith="войска")
    assert group.broad, "the demo marks the army's words broad"
    group.broad = False
    group.save()
    narrow = result_links(search_html(client, "be", "колькі служаць у войску"))
    assert slugs(narrow[:1]) != ["belarus"], narrow[:3]  # the profile lacks "войска"
    group.broad = True
    group.save()
    broad = result_links(search_html(client, "be", "колькі служаць у войску"))
    assert slugs(broad[:1]) == ["belarus"], broad[:3]
    # Alone, a broad word is still searched for.
    assert result_links(search_html(client, "be", "войска"))


def test_synonyms_are_a_translatable_snippet_per_language():
    from wagtail.models import TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    assert SearchSynonym in get_snippet_models()
    assert issubclass(SearchSynonym, TranslatableMixin)
    seeded = set(SearchSynonym.objects.values_list("locale__language_code", flat=True))
    assert seeded == {"en", "de", "ru", "uk", "be"}, "the demo seeds every language"


def test_an_editor_picks_the_country_of_a_synonym_group_in_the_admin(
    client, demo_content, django_user_model
):
    group = SearchSynonym.objects.get(locale__language_code="en", terms__startswith="TCC")
    editor = django_user_model.objects.create_superuser("syn", "syn@example.org", "pw-123456789")
    client.force_login(editor)
    url = f"/admin/snippets/search/searchsynonym/edit/{group.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    # The countries of the knowledge base, by name (not a code to look up), one per country.
    assert html.count('<option value="UA"') == 1 and ">Ukraine</option>" in html
    assert 'name="broad"' in html
    response = client.post(
        url, {"terms": group.terms, "note": group.note, "country": "BY", "broad": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    group.refresh_from_db()
    assert group.country == "BY" and group.broad
    # Every language's group about it follows; theirs is not edited on its own.
    russian = SearchSynonym.objects.get(
        translation_key=group.translation_key, locale__language_code="ru"
    )
    assert russian.country == "BY" and russian.broad
    html = client.get(f"/admin/snippets/search/searchsynonym/edit/{russian.pk}/").content.decode()
    assert "Copied from the group this one translates" in html


def test_a_translated_synonym_group_keeps_its_country_and_breadth():
    """wagtail-localize copies the country and breadth (synchronised fields); the terms are
    translated."""
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    group = SearchSynonym.objects.create(
        locale=home_locale("en"), terms="quorvak\nquorvak board", country="UA", broad=True
    )
    source, _created = TranslationSource.get_or_create_from_instance(group)
    translated, _created = source.create_or_update_translation(
        Locale.objects.get(language_code="de"), fallback=True
    )
    assert translated.country == "UA" and translated.broad
    assert translated.translation_key == group.translation_key


def test_postgresql_corrects_typos_with_trigrams():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: CI's PostgreSQL pass (SQLite compares in Python)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone(), "migration search 0005 creates pg_trgm"
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchterm' "
            "AND indexdef LIKE '%gin_trgm_ops%'"
        )
        assert {row[0] for row in cursor.fetchall()} == {
            "search_term_word_trgm",
            "search_term_skeleton_trgm",
        }
