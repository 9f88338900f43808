"""The search page says how it read the query: what it left out and why, which result
page there is, what to do with an empty search. A reader must never be told something
else than what happened (a minus word searched for, "special characters" for dropped
words)."""

import pytest

from search.query import MAX_QUERY_LENGTH, read_query


@pytest.mark.parametrize(
    ("raw", "text", "operators", "excluded", "characters"),
    [
        ("desertion NOT legal", "desertion", False, ("legal",), False),  # NOT: as a minus
        ("desertion AND asylum OR refugee", "desertion asylum refugee", True, (), False),
        ("not legal", "not legal", False, (), False),  # a word, not an operator
        ("Not going", "Not going", False, (), False),
        ("desertion -news -news", "desertion", False, ("news",), False),
        ("-asylum", "", False, ("asylum",), False),
        ("desertion (-news)", "desertion", False, ("news",), True),
        ("desertion \u2212news \u2013asylum", "desertion", False, ("news", "asylum"), False),
        ("2022-2023", "2022-2023", False, (), False),  # a hyphen, not a minus
        ("Kriegsdienst-verweigerung", "Kriegsdienst-verweigerung", False, (), False),
        ("C-472/13", "C-472 13", False, (), False),
        ("ст. 337", "ст 337", False, (), False),  # sentence punctuation: said nothing of
        ("what now?", "what now", False, (), False),
        ('"exact phrase"', "exact phrase", False, (), True),
        ("Резерв+", "Резерв", False, (), True),
        ("desertion AND (asylum OR refugee)", "desertion asylum refugee", True, (), True),
    ],
)
def test_what_was_left_out_of_a_query_is_told_apart(raw, text, operators, excluded, characters):
    read = read_query(raw)
    assert (read.text, read.operators, read.excluded, read.characters) == (
        text,
        operators,
        excluded,
        characters,
    )
    assert not read.shortened


def test_a_long_query_is_shortened_between_words_and_says_so():
    read = read_query("Kriegsdienstverweigerung " * 20)
    assert read.shortened
    assert len(read.text) <= MAX_QUERY_LENGTH
    assert set(read.text.split()) == {"Kriegsdienstverweigerung"}  # no cut-off word
    assert not read_query("Kriegsdienstverweigerung " * 5).shortened


def notice(html):
    """The text of the search page's notice on how the query was read ('' without one)."""
    if 'class="notice search-read"' not in html:
        return ""
    part = html.split('class="notice search-read">', 1)[1].split("</p>", 1)[0]
    return " ".join(part.split())


@pytest.mark.django_db
def test_the_page_says_which_words_were_not_searched_for(client, demo_content):
    html = client.get("/en/search/", {"q": "desertion -news"}).content.decode()
    said = notice(html)
    assert "cannot leave words out" in said and "not searched for: news." in said
    assert said.endswith("Searched for: desertion")
    assert "Special characters" not in said

    said = notice(client.get("/en/search/", {"q": "desertion NOT legal"}).content.decode())
    assert said == (
        "This search cannot leave words out, so these words were not searched for: legal."
        " Searched for: desertion"
    )
    said = notice(client.get("/en/search/", {"q": "desertion AND asylum"}).content.decode())
    assert said.startswith("AND and OR are not needed here")
    assert "Special characters" not in said

    long_query = "asylum " * 60
    said = notice(client.get("/en/search/", {"q": long_query}).content.decode())
    assert said.startswith(f"Only the first {MAX_QUERY_LENGTH} characters")
    assert "Special characters" not in said


@pytest.mark.django_db
def test_plain_words_and_punctuation_get_no_notice(client, demo_content):
    for query in ("not legal", "what happens if i desert?", "ст. 328"):
        html = client.get("/ru/search/" if "ст" in query else "/en/search/", {"q": query})
        assert notice(html.content.decode()) == "", query


@pytest.mark.django_db
def test_the_notice_is_in_the_readers_language(client, demo_content):
    said = notice(client.get("/ru/search/", {"q": '"дезертир" -новости'}).content.decode())
    assert "не умеет исключать слова" in said and "не учитывались: новости." in said
    assert "Специальные символы пропущены." in said
    assert said.endswith("Искали: дезертир")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "shown"), [("99999", "last"), ("-1", 1), ("0", 1), ("abc", 1), ("2x", 1)]
)
def test_a_result_page_that_does_not_exist_is_named(client, demo_content, page, shown):
    html = client.get("/en/search/", {"q": "desertion", "page": page}).content.decode()
    said = html.split("There is no result page “", 1)[1].split("</p>", 1)[0]
    number, count = said.split("This is page ", 1)[1].rstrip(".").split(" of ")
    assert said.startswith(f"{page}”.")
    assert number == (count if shown == "last" else str(shown))  # the nearest page
    assert 'class="search-result' in html


@pytest.mark.django_db
def test_a_query_of_minus_words_only_says_so_and_stays_out_of_the_cache(client, demo_content):
    response = client.get("/ru/search/", {"q": "-убежище"})
    said = notice(response.content.decode())
    assert "не учитывались: убежище." in said
    assert "Искали" not in said  # nothing was searched for
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_existing_result_page_gets_no_such_notice(client, demo_content):
    for page in ("1", "2", " 2 ", "02"):
        html = client.get("/en/search/", {"q": "desertion", "page": page}).content.decode()
        assert "There is no result page" not in html, page


@pytest.mark.django_db
def test_an_empty_search_asks_for_a_word_and_offers_the_situation_guide(client, demo_content):
    html = client.get("/uk/search/", {"q": "  "}).content.decode()
    assert "введіть" in html  # "Please type a word to search for."
    assert 'class="search-situation-guide"' in html
    html = client.get("/uk/search/").content.decode()
    assert 'class="search-situation-guide"' in html
    assert "введіть" not in html.split("<main", 1)[1]  # nothing was asked yet: no reproach


@pytest.mark.django_db
def test_a_nul_character_gets_a_400_that_says_what_was_wrong(client, demo_content):
    response = client.get("/ru/search/?q=%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert "недопустимый символ" in html
    assert "слишком" not in html  # not the message for an oversized form
    assert '<html lang="ru"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "de", "ru", "be"])
def test_a_single_letter_finds_nothing_anywhere(client, demo_content, language):
    """ "a" matched the "A" of Belarusian case numbers, shown as results in Belarusian."""
    html = client.get(f"/{language}/search/", {"q": "a"}).content.decode()
    assert 'class="search-result' not in html
    assert "<mark>" not in html


@pytest.mark.django_db
def test_small_words_of_a_synonym_phrase_are_not_highlighted(client, demo_content):
    """ "AWOL" is searched for as "absence without leave" too: every "without" and "the" of
    the snippets was marked."""
    html = client.get("/en/search/", {"q": "AWOL"}).content.decode()
    assert "<mark>absence</mark>" in html or "<mark>AWOL</mark>" in html
    for small in ("without", "the", "The"):
        assert f"<mark>{small}</mark>" not in html


def test_a_synonym_phrase_is_marked_only_where_it_stands_whole():
    from search.results import text_snippet

    words = ["desertion", "run away from the army"]
    text = "He chose to run away from the army. The army punishes desertion."
    html = text_snippet([text], words, "en")
    assert "<mark>run</mark> <mark>away</mark> from the <mark>army</mark>." in html
    assert "The army punishes <mark>desertion</mark>" in html  # not every "army"
    assert "<mark>" not in text_snippet(["The Russian army."], words, "en")


@pytest.mark.django_db
def test_a_synonyms_phrase_does_not_mark_its_common_words_everywhere(client, demo_content):
    """ "desertion" is searched for as "run away from the army" too: every "army" of the
    snippets was marked."""
    html = client.get("/en/search/", {"q": "desertion"}).content.decode()
    assert "<mark>desertion</mark>" in html.lower() or "<mark>deserter" in html.lower()
    assert "<mark>army</mark>" not in html.lower()


@pytest.mark.parametrize("params", [{"type": "bogus"}, {"country": "XX"}])
def test_a_filter_that_leaves_nothing_says_so_not_that_the_language_has_nothing(
    client, demo_content, params
):
    html = client.get("/en/search/", {"q": "desertion", **params}).content.decode()
    assert 'class="search-nothing search-filtered-out"' in html
    assert "is of the type or country chosen" in html
    assert "in this language" not in html
    assert '<a href="?q=desertion">Search without filters</a>' in html
