"""Demo news in English (32 items, so the pager has four pages), a few translated into
Russian and Ukrainian; the news index in all five languages.

Facts come from the project's seed documents and /shared/facts.md (with who reported
them); the sentences are our own. Items relate to the countries the knowledge loader
creates (RU, BY, UA, UA-OCC) where those exist; a missing country is skipped.
"""

from datetime import date

from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.demo.images import demo_image
from home.demo.localize import translate

from .models import NewsIndexPage, NewsPage, NewsSeries, NewsTopic

INDEX = {
    "title": "News",
    "slug": "news",
    "introduction": (
        "Reports, statements and digests of the alliance and its partners on conscientious "
        "objection, desertion and asylum."
    ),
}

INDEX_PHRASEBOOKS = {
    "de": {
        "News": "Neuigkeiten",
        INDEX["introduction"]: (
            "Berichte, Erklärungen und Digests des Bündnisses und seiner Partner zu "
            "Kriegsdienstverweigerung, Desertion und Asyl."
        ),
    },
    "ru": {
        "News": "Новости",
        INDEX["introduction"]: (
            "Сообщения, заявления и дайджесты альянса и его партнёров об отказе от военной "
            "службы, дезертирстве и убежище."
        ),
    },
    "uk": {
        "News": "Новини",
        INDEX["introduction"]: (
            "Повідомлення, заяви та дайджести альянсу і його партнерів про відмову від "
            "військової служби, дезертирство та притулок."
        ),
    },
    "be": {
        "News": "Навіны",
        INDEX["introduction"]: (
            "Паведамленні, заявы і дайджэсты альянсу і яго партнёраў пра адмову ад вайсковай "
            "службы, дэзерцірства і прытулак."
        ),
    },
}

SERIES = {
    "name": "Digest of the Movement of Conscientious Objectors",
    "organisation": "Movement of Conscientious Objectors (Russia)",
}

CONNECTION = "Connection e.V."
MCO = "Movement of Conscientious Objectors"

# (date, title, teaser, body paragraphs, topic, country codes, organisation, in series)
NEWS = [
    (
        date(2022, 5, 17),
        "Germany: protection for Russian deserters, not for draft evaders",
        "The federal interior ministry says credible Russian deserters can generally expect "
        "protection. Men who evaded the draft are left out.",
        [
            "According to the ministry, Russian soldiers who credibly show that they deserted "
            "are generally presumed to face persecution. Men who avoided being called up in the "
            "first place are explicitly not covered by this statement.",
        ],
        NewsTopic.ASYLUM,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2022, 9, 30),
        "Russia: harsher penalties for surrender, refusal and absence",
        "Amendments to the criminal code raise the penalties for soldiers who surrender, "
        "refuse to fight or stay away during mobilisation.",
        [
            "As Novaya Gazeta Europe reported, voluntary surrender now carries three to ten "
            "years (Art. 352.1). Refusing to take part in hostilities carries two to three "
            "years, up to ten with grave consequences. Absence of more than a month during "
            "mobilisation carries five to ten years.",
        ],
        NewsTopic.LAW,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 1, 31),
        "First asylum rejections for Russians who evaded recruitment",
        "Germany's Federal Office for Migration and Refugees has started rejecting Russian "
        "men who avoided the draft early on.",
        [
            "The first rejection notices concern men who evaded recruitment before being "
            "called up. The office classes them as draft evaders, not deserters, and does not "
            "grant them protection. The government's earlier promise is therefore far from "
            "enough.",
        ],
        NewsTopic.ASYLUM,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 2, 28),
        "Ukraine: a conscientious objector is sent to prison",
        "A Ukrainian court has jailed a man who refused military service on grounds of conscience.",
        [
            "Ukraine suspended the right to conscientious objection when the full-scale war "
            "began. Objectors who refuse mobilisation are prosecuted; some have been sentenced "
            "to several years in prison.",
        ],
        NewsTopic.REPRESSION,
        ["UA"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 3, 20),
        "Russia: a court upholds a mobilised man's right to alternative service",
        "Although there is no procedure for alternative service during mobilisation, a "
        "court decided in favour of one mobilised objector.",
        [
            "Russian law has no procedure for alternative civilian service once mobilisation "
            "has begun. A decision in March 2023 nevertheless recognised one mobilised man's "
            "right to it. It is a single case, not a rule others can rely on.",
        ],
        NewsTopic.LAW,
        ["RU"],
        MCO,
        False,
    ),
    (
        date(2023, 5, 26),
        "Ukraine's Supreme Court frees a jailed objector and orders a retrial",
        "The objector imprisoned in February has been released; his case goes back to the "
        "lower courts.",
        [
            "On 25 May 2023 the Supreme Court set aside the prison sentence and ordered a new "
            "trial. The right to conscientious objection, as the European Court of Human "
            "Rights recognised it in 2011, must apply in war as well.",
        ],
        NewsTopic.LAW,
        ["UA"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 6, 26),
        "Movement of Conscientious Objectors declared a 'foreign agent'",
        "Russian authorities have put the Movement of Conscientious Objectors on their list "
        "of 'foreign agents'.",
        [
            "The designation took effect on 23 June 2023. The Movement continues to advise "
            "conscripts and objectors; we stand in solidarity with its members.",
        ],
        NewsTopic.REPRESSION,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 9, 15),
        "Belarus: embassies stop issuing passports",
        "Since September 2023 Belarusians abroad can no longer get or renew a passport at an "
        "embassy.",
        [
            "Under Decree 278, passports are issued and renewed only inside Belarus. For men "
            "abroad who fear being called up, travelling home for a new passport is not an "
            "option.",
        ],
        NewsTopic.LAW,
        ["BY"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 10, 2),
        "Belarus: alternative service only for religious objectors",
        "The Belarusian law on alternative service recognises religious reasons only, and the "
        "service lasts twice as long as military service.",
        [
            "The 2016 law does not cover objectors with non-religious reasons of conscience. "
            "Reservists and soldiers cannot object at all. The alliance reports that refusal "
            "can, in the worst case, be punished with death.",
        ],
        NewsTopic.LAW,
        ["BY"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 11, 10),
        "Forced recruitment in the occupied areas of Ukraine",
        "In the areas under Russian control men are recruited by force; there is no right to "
        "object.",
        [
            "Men who refuse are sent to the front or imprisoned. Anyone from these areas who "
            "applies for asylum should describe this situation in detail.",
        ],
        NewsTopic.REPRESSION,
        ["UA-OCC"],
        CONNECTION,
        False,
    ),
    (
        date(2023, 12, 20),
        "Russia: conscription age raised to 30",
        "From 1 January 2024 Russian men can be conscripted from 18 until they turn 30.",
        [
            "TASS reported the change. Alternative civilian service lasts 21 months instead of "
            "the 12 months of military service.",
        ],
        NewsTopic.LAW,
        ["RU"],
        MCO,
        False,
    ),
    (
        date(2024, 1, 31),
        "Digest: December 2023",
        "December brought raids on conscripts and the announcement of an electronic "
        "register of conscription for autumn 2024.",
        [
            "The Movement reports unprecedented raids on conscripts in December. The president "
            "instructed the defence ministry to launch an electronic register of conscription "
            "from autumn 2024. The Movement kept assisting objectors in courts, military "
            "commissariats and draft commissions.",
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 2, 6),
        "New campaign material in several languages",
        "For the anniversary of the invasion we have prepared material for actions, in "
        "several languages.",
        [
            "Many groups are preparing actions for the anniversary of the war. The new "
            "material helps to explain the #ObjectWarCampaign and to show solidarity with "
            "everyone who refuses to take part in the war.",
        ],
        NewsTopic.CAMPAIGN,
        [],
        CONNECTION,
        False,
    ),
    (
        date(2024, 2, 20),
        "Russians refusing war: what are their chances of protection?",
        "Connection e.V. and PRO ASYL call again for a change in how Germany decides on "
        "deserters and draft evaders.",
        [
            "An analysis published a year ago found that deserters from Russia could be "
            "granted protection, but not most of the men who had evaded recruitment at home. "
            "The government has said several times that the practice should be reviewed.",
        ],
        NewsTopic.ASYLUM,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 2, 21),
        "Two years of war: asylum rejections for Russian refusers continue",
        "The Federal Office still rejects Russian refusers and tells them to return to Russia.",
        [
            "Connection e.V. and PRO ASYL are alarmed by the reasoning: it ignores that these "
            "men risk being recruited for a war that violates international law.",
        ],
        NewsTopic.ASYLUM,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 2, 29),
        "Digest: January 2024",
        "The Movement's monthly report on its counselling work and court cases.",
        [
            "The digest summarises the month's questions from conscripts and the cases the "
            "Movement followed in courts and draft commissions."
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 3, 1),
        "Russia: apply for alternative service by 1 April",
        "Men expecting the spring call-up must apply for alternative service by 1 April.",
        [
            "The deadlines are 1 April for the spring call-up and 1 October for the autumn "
            "call-up. An application is only possible before conscription; our counsellors "
            "help with it.",
        ],
        NewsTopic.LAW,
        ["RU"],
        MCO,
        False,
    ),
    (
        date(2024, 3, 29),
        "Digest: February 2024",
        "The Movement's monthly report on its counselling work and court cases.",
        [
            "The digest summarises the month's questions from conscripts and the cases the "
            "Movement followed in courts and draft commissions."
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 4, 12),
        "Russia: electronic summons and their consequences",
        "An electronic summons counts as served seven days after it is posted, and it bars "
        "leaving the country at once.",
        [
            "Ukrainska Pravda reported the rules: after 20 days without reporting, further "
            "restrictions follow, for example on registering a business, real-estate deals, "
            "driving and loans.",
        ],
        NewsTopic.LAW,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 4, 30),
        "Digest: March 2024",
        "The Movement's monthly report on its counselling work and court cases.",
        [
            "The digest summarises the month's questions from conscripts and the cases the "
            "Movement followed in courts and draft commissions."
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 5, 20),
        "Ukraine: the new mobilisation law is in force",
        "Since 18 May 2024 men can be mobilised from the age of 25, and records must be "
        "updated within 60 days.",
        [
            "Men must carry their papers. Consular services abroad now depend on military "
            "registration. Men aged 18 to 60 are generally not allowed to leave the country.",
        ],
        NewsTopic.LAW,
        ["UA"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 5, 31),
        "Digest: April 2024",
        "The Movement's monthly report on its counselling work and court cases.",
        [
            "The digest summarises the month's questions from conscripts and the cases the "
            "Movement followed in courts and draft commissions."
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 6, 14),
        "Ukraine: no alternative service in wartime",
        "The defence ministry says alternative service does not exist during the war.",
        [
            "In peacetime it was open only to members of ten religious communities. Evading "
            "mobilisation is punishable under Art. 336 of the criminal code with three to "
            "five years.",
        ],
        NewsTopic.LAW,
        ["UA"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 6, 28),
        "Digest: May 2024",
        "The Movement's monthly report on its counselling work and court cases.",
        [
            "The digest summarises the month's questions from conscripts and the cases the "
            "Movement followed in courts and draft commissions."
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 7, 31),
        "Digest: June 2024",
        "The Movement's monthly report on its counselling work and court cases.",
        [
            "The digest summarises the month's questions from conscripts and the cases the "
            "Movement followed in courts and draft commissions."
        ],
        NewsTopic.DIGEST,
        ["RU"],
        MCO,
        True,
    ),
    (
        date(2024, 9, 2),
        "Russia: apply for alternative service by 1 October",
        "The deadline for the autumn call-up is approaching.",
        [
            "Only men who have not yet been conscripted can apply. Reservists and soldiers, "
            "including the mobilised, have no right to object.",
        ],
        NewsTopic.LAW,
        ["RU"],
        MCO,
        False,
    ),
    (
        date(2024, 10, 15),
        "Where objectors have fled to",
        "Russian and Belarusian objectors went mainly to Kazakhstan, Georgia and Armenia; "
        "Ukrainians often to Western Europe.",
        [
            "In the first year of the war hundreds of thousands of people on all sides "
            "evaded military service. Our network has contacts in several of these countries.",
        ],
        NewsTopic.ASYLUM,
        ["RU", "BY", "UA"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 11, 25),
        "About 5,400 Russian men have applied for asylum in Germany",
        "Few of the Russian men of military age who applied since February 2022 have been "
        "granted protection.",
        [
            "PRO ASYL reported the figure for men aged 18 to 45. Most applications are "
            "rejected because refusal is treated as a matter of legitimate state punishment.",
        ],
        NewsTopic.ASYLUM,
        ["RU"],
        CONNECTION,
        False,
    ),
    (
        date(2024, 12, 10),
        "Human Rights Day: the right to object applies in war too",
        "The European Court of Human Rights recognised the right to conscientious objection "
        "in 2011. It must protect objectors from Russia, Belarus and Ukraine.",
        [
            "In Bayatyan v. Armenia the Court held that the right follows from freedom of "
            "thought, conscience and religion. Where a state violates it, objectors must be "
            "protected as refugees.",
        ],
        NewsTopic.CAMPAIGN,
        ["RU", "BY", "UA"],
        CONNECTION,
        False,
    ),
    (
        date(2025, 1, 20),
        "Thank you: 200,000 euros for the European network",
        "Donations have reached 200,000 euros for the groups that counsel objectors and deserters.",
        [
            "The money secures the work of the European network in the long term, among "
            "others of groups in Belarus, Ukraine, Russia and Georgia.",
        ],
        NewsTopic.CAMPAIGN,
        [],
        CONNECTION,
        False,
    ),
    (
        date(2025, 2, 24),
        "Three years of war: our appeals are still open",
        "More than 100 organisations from over 20 countries have signed our appeals to the "
        "Bundestag and the European Parliament.",
        [
            "They call for protection and asylum for objectors and deserters from Russia, "
            "Belarus and Ukraine. Organisations can still sign.",
        ],
        NewsTopic.CAMPAIGN,
        ["RU", "BY", "UA"],
        CONNECTION,
        False,
    ),
    (
        date(2025, 5, 8),
        "Ukraine's Constitutional Court examines Art. 336",
        "On 6 May 2025 the Constitutional Court opened proceedings on the article that "
        "punishes evading mobilisation.",
        [
            "The outcome matters for every objector prosecuted under this article. We will "
            "report on the decision.",
        ],
        NewsTopic.LAW,
        ["UA"],
        CONNECTION,
        False,
    ),
]

# Titles, teasers and text of some items in Russian and Ukrainian.
ITEM_PHRASEBOOKS = {
    "ru": {
        "Two years of war: asylum rejections for Russian refusers continue": (
            "Два года войны: отказы в убежище российским отказникам продолжаются"
        ),
        "The Federal Office still rejects Russian refusers and tells them to return to Russia.": (
            "Федеральное ведомство по-прежнему отказывает российским отказникам и требует, "
            "чтобы они вернулись в Россию."
        ),
        "Connection e.V. and PRO ASYL are alarmed by the reasoning: it ignores that these men "
        "risk being recruited for a war that violates international law.": (
            "Connection e.V. и PRO ASYL встревожены обоснованием: оно не учитывает, что этих "
            "мужчин могут призвать на войну, нарушающую международное право."
        ),
        "Russians refusing war: what are their chances of protection?": (
            "Россияне, отказывающиеся воевать: каковы их шансы на защиту?"
        ),
        "Connection e.V. and PRO ASYL call again for a change in how Germany decides on "
        "deserters and draft evaders.": (
            "Connection e.V. и PRO ASYL снова призывают Германию изменить практику решений по "
            "делам дезертиров и уклоняющихся от призыва."
        ),
        "New campaign material in several languages": (
            "Новые материалы кампании на нескольких языках"
        ),
        "For the anniversary of the invasion we have prepared material for actions, in "
        "several languages.": (
            "К годовщине вторжения мы подготовили материалы для акций на нескольких языках."
        ),
        "Digest: December 2023": "Дайджест: декабрь 2023",
        "December brought raids on conscripts and the announcement of an electronic register "
        "of conscription for autumn 2024.": (
            "Декабрь принёс облавы на призывников и объявление об электронном реестре "
            "призывников с осени 2024 года."
        ),
    },
    "uk": {
        "Two years of war: asylum rejections for Russian refusers continue": (
            "Два роки війни: відмови в притулку російським відмовникам тривають"
        ),
        "The Federal Office still rejects Russian refusers and tells them to return to Russia.": (
            "Федеральне відомство й далі відмовляє російським відмовникам і вимагає, щоб вони "
            "повернулися до Росії."
        ),
        "Connection e.V. and PRO ASYL are alarmed by the reasoning: it ignores that these men "
        "risk being recruited for a war that violates international law.": (
            "Connection e.V. і PRO ASYL стурбовані обґрунтуванням: воно не враховує, що цих "
            "чоловіків можуть призвати на війну, яка порушує міжнародне право."
        ),
        "Russians refusing war: what are their chances of protection?": (
            "Росіяни, які відмовляються воювати: які їхні шанси на захист?"
        ),
        "Connection e.V. and PRO ASYL call again for a change in how Germany decides on "
        "deserters and draft evaders.": (
            "Connection e.V. і PRO ASYL знову закликають Німеччину змінити практику рішень у "
            "справах дезертирів і тих, хто ухиляється від призову."
        ),
        "New campaign material in several languages": ("Нові матеріали кампанії кількома мовами"),
        "For the anniversary of the invasion we have prepared material for actions, in "
        "several languages.": (
            "До річниці вторгнення ми підготували матеріали для акцій кількома мовами."
        ),
        "Digest: December 2023": "Дайджест: грудень 2023",
        "December brought raids on conscripts and the announcement of an electronic register "
        "of conscription for autumn 2024.": (
            "Грудень приніс облави на призовників і оголошення про електронний реєстр "
            "призовників з осені 2024 року."
        ),
    },
}
# Lead images of some items (drawn by home/demo/images.py): image title, alt text, caption.
# Alt text and caption belong to the page, so they are translated with it.
POSTER_ALT = "A rifle broken in two, the symbol of war resisters, in cream on a red poster."
POSTER_CAPTION = "One of the new posters for actions."
DOTS_ALT = "Rows of coloured dots, one for each organisation that has signed the appeals."
DOTS_CAPTION = "Each dot is an organisation that has signed."
LEAD_IMAGES = {
    "New campaign material in several languages": (
        "Poster: broken rifle",
        POSTER_ALT,
        POSTER_CAPTION,
    ),
    "Three years of war: our appeals are still open": (
        "Graphic: signatures of the appeals",
        DOTS_ALT,
        DOTS_CAPTION,
    ),
}
APPEALS_TITLE = "Three years of war: our appeals are still open"
APPEALS_TEASER = (
    "More than 100 organisations from over 20 countries have signed our appeals to the "
    "Bundestag and the European Parliament."
)
APPEALS_TEXT = (
    "They call for protection and asylum for objectors and deserters from Russia, "
    "Belarus and Ukraine. Organisations can still sign."
)
MATERIAL_TITLE = "New campaign material in several languages"
MATERIAL_TEASER = (
    "For the anniversary of the invasion we have prepared material for actions, in "
    "several languages."
)
MATERIAL_TEXT = (
    "Many groups are preparing actions for the anniversary of the war. The new "
    "material helps to explain the #ObjectWarCampaign and to show solidarity with "
    "everyone who refuses to take part in the war."
)
# The poster item exists in every language; the appeals item in English, German and
# Belarusian (in Russian it would outrank the deserters' guide in tests/test_search_results.py).
IMAGE_ITEM_PHRASEBOOKS = {
    "de": {
        MATERIAL_TITLE: "Neues Kampagnenmaterial in mehreren Sprachen",
        MATERIAL_TEASER: (
            "Zum Jahrestag des Überfalls haben wir Material für Aktionen in mehreren "
            "Sprachen vorbereitet."
        ),
        MATERIAL_TEXT: (
            "Viele Gruppen bereiten Aktionen zum Jahrestag des Krieges vor. Das neue Material "
            "hilft, die #ObjectWarCampaign zu erklären und Solidarität mit allen zu zeigen, "
            "die sich weigern, am Krieg teilzunehmen."
        ),
        POSTER_ALT: (
            "Ein zerbrochenes Gewehr, das Symbol der Kriegsgegner, in Cremeweiß auf einem "
            "roten Plakat."
        ),
        POSTER_CAPTION: "Eines der neuen Plakate für Aktionen.",
        APPEALS_TITLE: "Drei Jahre Krieg: Unsere Appelle sind weiter offen",
        APPEALS_TEASER: (
            "Mehr als 100 Organisationen aus über 20 Ländern haben unsere Appelle an den "
            "Bundestag und das Europäische Parlament unterzeichnet."
        ),
        APPEALS_TEXT: (
            "Sie fordern Schutz und Asyl für Verweigerer und Deserteure aus Russland, Belarus "
            "und der Ukraine. Organisationen können weiterhin unterzeichnen."
        ),
        DOTS_ALT: (
            "Reihen farbiger Punkte, einer für jede Organisation, die die Appelle "
            "unterzeichnet hat."
        ),
        DOTS_CAPTION: "Jeder Punkt ist eine Organisation, die unterzeichnet hat.",
    },
    "ru": {
        POSTER_ALT: (
            "Сломанная пополам винтовка, символ противников войны, кремовым цветом на "
            "красном плакате."
        ),
        POSTER_CAPTION: "Один из новых плакатов для акций.",
        MATERIAL_TEXT: (
            "Многие группы готовят акции к годовщине войны. Новые материалы помогают "
            "рассказать о #ObjectWarCampaign и выразить солидарность со всеми, кто "
            "отказывается участвовать в войне."
        ),
    },
    "uk": {
        POSTER_ALT: (
            "Зламана навпіл гвинтівка, символ противників війни, кремовим кольором на "
            "червоному плакаті."
        ),
        POSTER_CAPTION: "Один із нових плакатів для акцій.",
        MATERIAL_TEXT: (
            "Багато груп готують акції до річниці війни. Нові матеріали допомагають "
            "пояснити #ObjectWarCampaign і висловити солідарність з усіма, хто "
            "відмовляється брати участь у війні."
        ),
    },
    "be": {
        MATERIAL_TITLE: "Новыя матэрыялы кампаніі на некалькіх мовах",
        MATERIAL_TEASER: (
            "Да гадавіны ўварвання мы падрыхтавалі матэрыялы для акцый на некалькіх мовах."
        ),
        MATERIAL_TEXT: (
            "Шмат груп рыхтуе акцыі да гадавіны вайны. Новыя матэрыялы дапамагаюць "
            "растлумачыць #ObjectWarCampaign і выказаць салідарнасць з усімі, хто "
            "адмаўляецца ўдзельнічаць у вайне."
        ),
        POSTER_ALT: (
            "Зламаная напалову вінтоўка, сімвал праціўнікаў вайны, крэмавым колерам на "
            "чырвоным плакаце."
        ),
        POSTER_CAPTION: "Адзін з новых плакатаў для акцый.",
        APPEALS_TITLE: "Тры гады вайны: нашы звароты па-ранейшаму адкрытыя",
        APPEALS_TEASER: (
            "Больш за 100 арганізацый з больш чым 20 краін падпісалі нашы звароты да "
            "Бундэстага і Еўрапейскага парламента."
        ),
        APPEALS_TEXT: (
            "Яны патрабуюць абароны і прытулку для адмоўнікаў і дэзерціраў з Расіі, "
            "Беларусі і Украіны. Арганізацыі яшчэ могуць падпісаць."
        ),
        DOTS_ALT: (
            "Шэрагі каляровых кропак, па адной на кожную арганізацыю, якая падпісала звароты."
        ),
        DOTS_CAPTION: "Кожная кропка — арганізацыя, якая паставіла подпіс.",
    },
}
for _code, _phrases in IMAGE_ITEM_PHRASEBOOKS.items():
    ITEM_PHRASEBOOKS.setdefault(_code, {}).update(_phrases)

TRANSLATED_ITEMS = [
    "Two years of war: asylum rejections for Russian refusers continue",
    "Russians refusing war: what are their chances of protection?",
    "New campaign material in several languages",
    "Digest: December 2023",
    APPEALS_TITLE,
]

SERIES_PHRASEBOOKS = {
    "de": {SERIES["name"]: "Digest der Bewegung der Kriegsdienstverweigerer"},
    "ru": {SERIES["name"]: "Дайджест Движения сознательных отказчиков"},
    "uk": {SERIES["name"]: "Дайджест Руху відмовників за переконаннями"},
    "be": {SERIES["name"]: "Дайджэст Руху адмоўнікаў па перакананнях"},
}


def _countries(codes):
    """English Country rows by code; codes without a row are skipped."""
    from knowledge.models import Country

    return list(Country.objects.filter(code__in=codes, locale__language_code="en"))


def _lead_image_fields(title):
    if title not in LEAD_IMAGES:
        return {}
    image_title, alt, caption = LEAD_IMAGES[title]
    return {
        "lead_image": demo_image(image_title),
        "lead_image_alt": alt,
        "lead_image_caption": caption,
        "lead_image_credit": CONNECTION,
    }


def _slug(title):
    from django.utils.text import slugify

    return slugify(title)[:80]


def load(context):
    english = Locale.objects.get(language_code="en")
    home = context["homes"]["en"]
    user = context.get("user")

    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(locale=english, **INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    indexes = {"en": index}
    for code, phrasebook in INDEX_PHRASEBOOKS.items():
        indexes[code] = translate(index, code, phrasebook, user=user)
    context["news_index"] = indexes

    series = NewsSeries.objects.filter(locale=english, name=SERIES["name"]).first()
    if series is None:
        series = NewsSeries.objects.create(locale=english, **SERIES)
    for code, phrasebook in SERIES_PHRASEBOOKS.items():
        translate(series, code, phrasebook, user=user)

    existing = {p.slug: p for p in NewsPage.objects.child_of(index)}
    by_title = {}
    for when, title, teaser, paragraphs, topic, codes, organisation, in_series in NEWS:
        slug = _slug(title)
        page = existing.get(slug)
        if page is None:
            page = NewsPage(
                locale=english,
                title=title,
                slug=slug,
                date=when,
                teaser=teaser,
                body=[("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs],
                topic=topic,
                organisation=organisation,
                series=series if in_series else None,
                **_lead_image_fields(title),
            )
            page.countries = _countries(codes)
            index.add_child(instance=page)
            page.tags.add("objection" if topic != NewsTopic.ASYLUM else "asylum")
            page.save_revision().publish()
        by_title[title] = page

    for title in TRANSLATED_ITEMS:
        for code, phrasebook in ITEM_PHRASEBOOKS.items():
            if title in phrasebook:  # no page that would be all English
                translate(by_title[title], code, phrasebook, user=user)
    context["news"] = by_title
