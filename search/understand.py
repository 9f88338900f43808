"""What a reader's query asks for: its concepts, article numbers and corrected spelling.

    understand("что будет если не пойти в военкомат", "ru")

gives the concepts "пойти" (no page uses it: optional) and "военкомат" (with the editors'
synonym "военный комиссариат"); the small and question words are left out. Each concept is
a list of alternatives (the word as typed, its spelling corrected or transliterated, the
synonyms), any of which may match. search/query.py turns that into each engine's query.

Engine-independent, so the database backend and the node read a query the same way.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from core.lemmas import _morph

from . import synonyms, vocabulary
from .stopwords import is_stop_word, is_wanting_word
from .translit import is_latin

# "ст. 337", "ст 337", "статья 338", "стаття 408", "Art. 336", "Artikel 338", "§ 16", "328",
# "352.1": a number after an article word, or a bare number of three digits (with a part).
_ARTICLE_WORDS = (
    r"ст|стст|статья|статьи|статье|статью|статей|стаття|статті|статтю|статтей|артыкул"
    r"|артыкула|артыкуле|арт|art|arts|article|articles|artikel|§"
)
_ARTICLE = re.compile(
    rf"(?:(?<![\w])(?:{_ARTICLE_WORDS})\.?\s*(\d{{1,4}}(?:\.\d{{1,2}})?))"
    r"|(?:(?<![\w.])(\d{3}(?:\.\d{1,2})?)(?![\w.]))",
    re.IGNORECASE,
)
_ARTICLE_WORD = re.compile(rf"^(?:{_ARTICLE_WORDS})$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+$")


@dataclass
class Concept:
    typed: str  # the query words it stands for, as typed
    alternatives: list = field(default_factory=list)  # phrases, any of which may match
    # The first `exact` alternatives are the reader's word itself (as typed, corrected or
    # transliterated); the rest are synonyms, which count for a little less in the ranking.
    exact: int = 1
    known: bool = True  # some page uses one of the alternatives (in some form)
    corrected: str = ""  # what "Did you mean" puts in place of `typed`
    synonym: bool = False
    fuzzy: bool = False  # unknown word: the node may forgive a typo the vocabulary missed
    country: str = ""  # the country its synonym group points to ("ТЦК": UA), if one
    broad: bool = False  # its group's words are what nearly every page is about ("армия")


@dataclass
class Understood:
    cleaned: str
    language: str
    concepts: list = field(default_factory=list)
    articles: list = field(default_factory=list)  # "337", "352.1"

    @property
    def country(self):
        """The code of the country the query's words point to without naming it ("ТЦК",
        "бусификация": Ukraine), when they point to one only."""
        codes = {c.country for c in self.concepts if c.country}
        return codes.pop() if len(codes) == 1 else ""

    @property
    def searched(self):
        """The concepts all of which a page should have: without the broad ones ("в армии",
        "у войску", marked by editors) when another one is a word some page uses. A profile
        that says "service", never "army", still answers "how long do they serve in the
        army"; "как не попасть в армию" (no page says "попасть") is a search for the army."""
        narrow = [c for c in self.concepts if not c.broad]
        return narrow if any(c.known for c in narrow) else self.concepts

    @property
    def required(self):
        """Concepts a page must match when all are asked for: those some page can match."""
        return [c for c in self.searched if c.known]

    @cached_property
    def suggestion(self):
        """The query with corrected words, or '' when nothing was corrected.

        Only words a public page uses now are offered: the vocabulary may still hold words of
        pages unpublished or made private since it was built, and "Did you mean" would show
        them to anyone typing close to them. (Asked only here, where a correction is shown:
        a search with such a word finds public pages or nothing.)"""
        shown = [
            c
            for c in self.concepts
            if c.corrected and vocabulary.on_public_pages(c.corrected, self.language)
        ]
        if not shown:
            return ""
        text = self.cleaned
        for concept in shown:
            text = re.sub(
                rf"(?<!\w){re.escape(concept.typed)}(?!\w)", concept.corrected, text, count=1
            )
        return text

    def completed(self):
        """The query with its unknown words completed ("asy" → "Asyl"), or '': offered as
        "Did you mean" when nothing else is. Three or four letters say too little to search
        with, but the reader can follow the offer."""
        text, changed = self.cleaned, False
        for concept in self.concepts:
            typed = concept.typed
            if concept.known or concept.corrected or " " in typed:
                continue
            if len(typed) < vocabulary.MIN_OFFERED:
                continue
            # The editors' words first (public by nature), then the pages' (if still public).
            word = synonyms.completion(typed, self.language)
            if word is None:
                word = vocabulary.completion(typed, self.language, minimum=vocabulary.MIN_OFFERED)
                if word and not vocabulary.on_public_pages(word, self.language):
                    word = None
            if word:
                text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", word, text, count=1)
                changed = True
        return text if changed else ""

    def words(self):
        """What a snippet marks: every one-word alternative, and each longer one as a phrase
        (with its spaces) that is marked only where it stands whole: "run away from the
        army" marks nothing in "the Russian army", "absent without leave" its two words."""
        return list(dict.fromkeys(alt for c in self.concepts for alt in c.alternatives))


def article_numbers(raw):
    found = []
    for marked, bare in _ARTICLE.findall(raw or ""):
        number = marked or bare
        if number and number not in found:
            found.append(number)
    return found


def _is_dictionary_word(word, language):
    """Whether pymorphy3's dictionary knows the word (Russian, Ukrainian): a real word no
    page uses is not a typo to correct."""
    if language not in ("ru", "uk") or not re.fullmatch(r"[^\W\d_]+", word):
        return False
    return any(p.is_known for p in _morph(language).parse(word))


def understand(cleaned, language, raw=None):
    words = cleaned.split()
    result = Understood(cleaned=cleaned, language=language)
    result.articles = article_numbers(raw if raw is not None else cleaned)
    if result.articles:
        numbers = {a.split(".")[0] for a in result.articles} | set(result.articles)
        words = [w for w in words if not _ARTICLE_WORD.match(w) and w not in numbers]
        words = [w for w in words if not (_NUMBER.match(w) and len(w) <= 2)] or words
    matches = synonyms.find(words, language)
    covered = {i for m in matches for i in range(m.start, m.end)}
    for match in matches:
        typed = " ".join(words[match.start : match.end])
        alternatives = [typed] + [t for t in match.terms if t.lower() != typed.lower()]
        result.concepts.append(
            Concept(
                typed=typed,
                alternatives=alternatives,
                synonym=True,
                country=match.country,
                broad=match.broad,
            )
        )
    rest = [(i, w) for i, w in enumerate(words) if i not in covered]
    # Small and question words never make a page match, even alone ("как", "the"): such a
    # query finds nothing and the page offers the ways on (no dead end).
    content = [(i, w) for i, w in rest if not is_stop_word(w, language)]
    asked = [(i, w) for i, w in content if not is_wanting_word(w, language)]
    if asked or matches:
        content = asked
    singles = [Concept(typed=w, alternatives=[w]) for _i, w in content]
    _check_spelling(singles, language)
    # "chto delat", "kak": a small word typed in Latin letters (or misspelt) is still one.
    kept = [
        (c, i)
        for c, (i, _w) in zip(singles, content, strict=True)
        if not (c.corrected and is_stop_word(c.corrected, language))
    ]
    singles = [c for c, _i in kept]
    order = {id(c): i for c, i in kept}
    for match, concept in zip(matches, result.concepts, strict=True):
        order[id(concept)] = match.start
    _check_synonyms(result.concepts, language)
    result.concepts = sorted(result.concepts + singles, key=lambda c: order[id(c)])
    return result


def phrase_words(phrase):
    """The words of an alternative, hyphenated ones split ("военно-врачебная комиссия")."""
    return [w for w in re.split(r"[\s\-]+", phrase.lower()) if w]


def _check_synonyms(concepts, language):
    """A group none of whose terms any page uses cannot be required of a page."""
    if not concepts:
        return
    every = {w for c in concepts for alt in c.alternatives for w in phrase_words(alt)}
    known = vocabulary.known_words(every, language)
    for concept in concepts:
        concept.known = any(
            all(w in known or is_stop_word(w, language) for w in phrase_words(alt))
            for alt in concept.alternatives
        )


def _check_spelling(concepts, language):
    """Mark words no page uses; correct or transliterate them from the vocabulary."""
    lowered = {c.typed.lower() for c in concepts}
    known = vocabulary.known_words(lowered, language)
    for concept in concepts:
        word = concept.typed.lower()
        if _NUMBER.match(word):
            # "в 20 лет": a number no article word marks is asked for, never required (the
            # vocabulary keeps no numbers, and pages write ages and terms in many ways).
            concept.known = False
            continue
        if word in known:
            continue
        replacements = []
        if is_latin(word) and language in vocabulary.CYRILLIC_LANGUAGES:
            replacements = vocabulary.by_skeleton(word, language)
        if not replacements and not _is_dictionary_word(word, language):
            best = vocabulary.completion(word, language) or vocabulary.nearest(word, language)
            # A letter away from a small word ("dese" → "des", "дэзе" → "дзе") is more likely
            # the beginning of a longer word than a misspelt small one (offered: completed()).
            replacements = [best] if best and not is_stop_word(best, language) else []
        if not replacements:
            concept.known = False
            concept.fuzzy = True
            continue
        concept.corrected = replacements[0]
        concept.alternatives = [concept.typed, *replacements]
        concept.exact = len(concept.alternatives)
        # The corrected word may be one of the editors' synonyms ("voenkomat" → военкомат).
        for match in synonyms.find([replacements[0]], language):
            concept.alternatives += [t for t in match.terms if t not in concept.alternatives]
            concept.synonym = True
            concept.country = match.country
            concept.broad = match.broad
