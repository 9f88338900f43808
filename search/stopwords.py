"""Small words and question words, per language: what a query may contain without any page
having to contain it.

Readers ask questions ("что будет если не пойти в военкомат", "can I be punished for
leaving"). Without this, a database search for every word finds nothing, and a search for any
word finds every page with "как" or "the". The node's analyzers drop some of these (English,
German, Russian stop words) but not question words, and none for Ukrainian and Belarusian.
A query made of nothing else keeps its words.
"""

from core.lemmas import lemma

_COMMON = {
    "en": """
        a an the and or but nor of in on at to into onto for from by with without about as
        is are was were be been being am do does did done doing have has had having will
        would shall should can could may might must need needs i me my mine myself we us our
        you your yours he him his she her it its they them their this that these those there
        here what which who whom whose when where why how if then than so too very just also
        any some all each every no not yes ok please tell know want wanted get got getting
        happen happens happened someone somebody anyone one ones me i'm im it's its what's
        whats i've ive i'll ill don't dont doesn't doesnt can't cant won't wont
        after before during while until till since once
        """,
    "de": """
        der die das den dem des ein eine einer eines einem einen und oder aber doch in im an
        am auf aus bei mit nach von vom zu zum zur für fur über uber unter vor ohne um bis
        durch gegen ist sind war waren bin bist sein seid wird werden wurde wurden worden
        hat habe haben hatte hatten kann können konnen könnte konnte muss müssen mussen
        soll sollte darf darf dürfen durfen ich du er sie es wir ihr mich mir dich dir uns
        euch sich mein meine meinen meinem dein deine sein seine ihr ihre was wer wen wem
        wessen wie wo wann warum wieso weshalb woher wohin welche welcher welches ob wenn
        dass daß als auch nur noch schon so sehr nicht kein keine keinen ja nein man mal
        bitte etwas nachdem bevor während wahrend seit sobald
        """,
    "ru": """
        и в во не ни что чтобы чтоб он она оно они на я с со как а то все всё так его её ее
        но да ты к ко у же вы за бы по только мне меня мной было был была были быть будет
        будут буду вот от из изо ему ей им их ли если уже или нибудь там тут где есть надо
        нужно для мы нас нам тебя тебе чем кто этот эта это эти того тому этого этой этом
        какой какая какое какие каком какую потому почему зачем сколько когда куда откуда
        можно нельзя может могу могут можешь ли при об о обо про через под над после до
        перед между без себя себе сам сама свой своя свои свою мой моя мои мою твой ваш наш
        еще ещё даже тоже также ну вдруг уж ведь вообще просто очень бывает делать сделать
        что-то что-нибудь кто-то кто-нибудь либо пожалуйста какой-то
        """,
    "uk": """
        і й та а але в у на з із зі до від від по за про для при під над між без через
        після перед що щоб чи як який яка яке які якого якій якому якщо коли де куди звідки
        чому навіщо скільки хто кого кому я ти він вона воно ми ви вони мене мені мною тебе
        тобі його йому її їй нас нам вас вам їх їм себе свій своя свої свою мій моя мої мою
        твій ваш наш це цей ця ці того цього цієї цих той та ті є був була було були бути
        буде будуть буду можна не ні так теж також ще вже лише тільки просто дуже треба
        потрібно можу може можуть чи-то хтось щось будь-ласка будь ласка
        """,
    "be": """
        і й ды а але ў в у на з са да ад па за пра для пры пад над паміж без праз пасля
        перад што каб ці як які якая якое якія калі дзе куды адкуль чаму навошта колькі хто
        каго каму я ты ён яна яно мы вы яны мяне мне мной цябе табе яго яму яе ёй нас нам
        вас вам іх ім сябе свой свая свае сваю мой мая мае маю твой ваш наш гэта гэты гэтая
        гэтыя таго гэтага той тая тыя ёсць быў была было былі быць будзе будуць буду можна
        не ні так таксама яшчэ ўжо толькі проста вельмі трэба патрэбна магу можа могуць
        """,
}

STOP_WORDS = {code: frozenset(text.split()) for code, text in _COMMON.items()}

# How a wish is put ("не хочу служить в армии", "ich will nicht zur Bundeswehr"): the query
# asks about the rest, and "хочу" alone matched "Россия хочет меня призвать" and the project
# «Хочу жить» first. Left out when the query asks for something else; unlike a stop word,
# kept inside the editors' phrases (the project's name is a synonym group).
_WANTING = {
    "en": "wish wishes",
    "de": "will willst wollen wollte wollten möchte möchtest möchten mochte",
    "ru": "хочу хочешь хочет хотим хотите хотят хотел хотела хотели хочется хотелось",
    "uk": "хочу хочеш хоче хочемо хочете хочуть хотів хотіла хотіли хочеться хотілося",
    "be": "хачу хочаш хоча хочам хочаце хочуць хацеў хацела хацелі хочацца хацелася",
}
WANTING_WORDS = {code: frozenset(text.split()) for code, text in _WANTING.items()}


def is_stop_word(word, language_code):
    """A small or question word of the language, or a single letter in any language: alone
    a letter only matches the "A" or "B" of case numbers and abbreviations (case numbers are
    found whole, search/cases.py)."""
    low = word.lower().replace("’", "'")
    return (len(low) == 1 and low.isalpha()) or low in STOP_WORDS.get(language_code, frozenset())


def is_wanting_word(word, language_code):
    return word.lower() in WANTING_WORDS.get(language_code, frozenset())


def without_stop_words(words, language_code):
    """`words` less the small and question words; all of them if nothing else is left."""
    kept = [w for w in words if not is_stop_word(w, language_code)]
    return kept or list(words)


def base_form(word, language):
    """The word's base form, unless the stemmer made a small word of a word that is not one:
    the German stemmer makes "deser" the article "des", which every German page has."""
    base = lemma(word, language)
    if base != word and is_stop_word(base, language) and not is_stop_word(word, language):
        return word
    return base
