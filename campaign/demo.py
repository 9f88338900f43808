"""Demo campaign: the campaign section with the two appeals and their signatory
organisations, the campaign material in several languages, the fundraising, and the
help page with the European network; all pages in the five languages.

Facts come from the seed documents (appeals, the network's countries, the supported
groups, 200,000 euros received). The signatory organisations and the network's
contact details other than Connection e.V.'s are invented placeholders: editors
replace them with the real, checked entries before the site goes live.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.demo.localize import translate

from .models import (
    AppealDocument,
    AppealPage,
    CampaignIndexPage,
    FundraisingPage,
    HelpPage,
    MaterialDocument,
    MaterialPage,
    NetworkContact,
    Signatory,
    normalise_name,
)

LANGUAGES = ["de", "ru", "uk", "be"]

# Countries the campaign needs beyond the knowledge base's (which creates RU, BY, UA
# and UA-OCC): where signatories and partner organisations are based.
COUNTRIES = {
    "DE": ["Germany", "Deutschland", "Германия", "Німеччина", "Германія"],
    "FI": ["Finland", "Finnland", "Финляндия", "Фінляндія", "Фінляндыя"],
    "LT": ["Lithuania", "Litauen", "Литва", "Литва", "Літва"],
    "GE": ["Georgia", "Georgien", "Грузия", "Грузія", "Грузія"],
    "FR": ["France", "Frankreich", "Франция", "Франція", "Францыя"],
    "IT": ["Italy", "Italien", "Италия", "Італія", "Італія"],
    "ES": ["Spain", "Spanien", "Испания", "Іспанія", "Іспанія"],
    "PL": ["Poland", "Polen", "Польша", "Польща", "Польшча"],
    "NL": ["Netherlands", "Niederlande", "Нидерланды", "Нідерланди", "Нідэрланды"],
    "AT": ["Austria", "Österreich", "Австрия", "Австрія", "Аўстрыя"],
}

CAMPAIGN = {
    "title": "Campaign",
    "slug": "campaign",
    "introduction": (
        "More than 100 organisations from over 20 countries call for protection and asylum "
        "for conscientious objectors and deserters from Russia, Belarus and Ukraine. Join "
        "the #ObjectWarCampaign."
    ),
}

APPEAL_TEXT = [
    "We are an alliance of civil society organisations. We condemn Russia's war of "
    "aggression against Ukraine, which violates international law and has cost hundreds of "
    "thousands of lives and driven millions from their homes.",
    "We demand from the governments of Russia, Belarus and Ukraine: stop persecuting "
    "conscientious objectors and deserters now.",
    "Conscientious objection is a human right, recognised by the European Court of Human "
    "Rights in 2011. It must hold in war too.",
]

APPEALS = [
    {
        "title": "Appeal to the Bundestag",
        "slug": "appeal-bundestag",
        "addressee": "the German Bundestag",
        "teaser": "Protection and asylum for conscientious objectors and deserters from "
        "Russia, Belarus and Ukraine.",
        "demand": "We ask the members of the Bundestag: open the borders to people who refuse "
        "to fight, and give them protection and asylum in Germany.",
    },
    {
        "title": "Appeal to the European Parliament",
        "slug": "appeal-european-parliament",
        "addressee": "the European Parliament",
        "teaser": "The European Union must protect everyone who refuses to take part in this war.",
        "demand": "We ask the members of the European Parliament: let opponents of the war "
        "enter the European Union and protect them from being sent back.",
    },
]

MATERIAL = {
    "title": "Campaign material",
    "slug": "material",
    "introduction": (
        "Leaflets and statements for actions and information stands. Print them, share them, "
        "translate them."
    ),
}

FUNDRAISING = {
    "title": "Support the network",
    "slug": "fundraising",
    "introduction": (
        "We support the groups of the European network, above all in the countries at war, "
        "that counsel conscientious objectors and deserters. Thank you to everyone who has "
        "given: the money secures their work in the long term."
    ),
    "target_amount": 250_000,
    "received_amount": 200_000,
    "account_holder": "Connection e.V.",
    "iban": "DE00 0000 0000 0000 0000 00",
    "bic": "",
    "bank_name": "",
    "payment_reference": "ObjectWar",
}

SUPPORTED_GROUPS = [
    (
        "NO means NO — Our House",
        "Belarus / Lithuania",
        "Counselling for Belarusians who refuse military service.",
    ),
    ("Ukrainian Pacifist Movement", "Ukraine", "Support for Ukrainian conscientious objectors."),
    (
        "Movement of Conscientious Objectors",
        "Russia",
        "Advice and legal help for Russian conscripts and objectors.",
    ),
    ("act4transformation", "Georgia", "A counselling centre in Georgia."),
]

HELP = {
    "title": "Get help",
    "slug": "help",
    "introduction": (
        "We answer questions from conscientious objectors, deserters and draft evaders, and "
        "their families. Counselling is free and confidential. The European network helps "
        "people find protection and asylum and build a new life."
    ),
    "hotline_languages": ["ru", "de", "en"],
}

REACH_THROUGH_HOTLINE = "Contact them through the counselling hotline, which puts you in touch."

# (name, country code, city, description, languages, website, email, phone)
NETWORK = [
    (
        "Connection e.V.",
        "DE",
        "Offenbach",
        "Counselling on asylum for objectors and deserters, coordination of the network.",
        ["de", "en", "ru"],
        "https://www.connection-ev.org",
        "office@connection-ev.org",
        "+49 69 8237 5534",
    ),
    (
        "Counsellors in Finland",
        "FI",
        "Helsinki",
        REACH_THROUGH_HOTLINE,
        ["fi", "ru", "en"],
        "",
        "",
        "",
    ),
    (
        "Our House",
        "LT",
        "Vilnius",
        "The NO means NO project for Belarusians who refuse "
        "military service. " + REACH_THROUGH_HOTLINE,
        ["be", "ru", "lt"],
        "",
        "",
        "",
    ),
    (
        "act4transformation",
        "GE",
        "Tbilisi",
        "Counselling centre for people who fled conscription. " + REACH_THROUGH_HOTLINE,
        ["ka", "ru", "en"],
        "",
        "",
        "",
    ),
    (
        "Ukrainian Pacifist Movement",
        "UA",
        "Kyiv",
        "Support for Ukrainian conscientious objectors. " + REACH_THROUGH_HOTLINE,
        ["uk", "ru", "en"],
        "",
        "",
        "",
    ),
    (
        "Movement of Conscientious Objectors",
        "RU",
        "",
        "Advice on alternative service and on refusing. " + REACH_THROUGH_HOTLINE,
        ["ru"],
        "",
        "",
        "",
    ),
]

# Invented placeholder organisations (name, country code, website).
SIGNATORIES = [
    ("Peace Initiative Rhine-Main", "DE", "https://peace-rhein-main.example.org"),
    ("Refugee Council Working Group Hesse", "DE", ""),
    ("Church Peace Circle Kassel", "DE", ""),
    ("Nonviolence Network Helsinki", "FI", "https://nonviolence-helsinki.example.org"),
    ("Tampere Objectors' Union", "FI", ""),
    ("Vilnius Solidarity House", "LT", "https://solidarity-vilnius.example.org"),
    ("Kaunas Human Rights Forum", "LT", ""),
    ("Tbilisi Peace Dialogue", "GE", "https://peace-dialogue-tbilisi.example.org"),
    ("Batumi Refugee Support", "GE", ""),
    ("Collectif Paix Lyon", "FR", "https://paix-lyon.example.org"),
    ("Réseau Antimilitariste Marseille", "FR", ""),
    ("Rete Pace Torino", "IT", "https://retepace-torino.example.org"),
    ("Movimento Nonviolento Bologna (local group)", "IT", ""),
    ("Objeción Madrid", "ES", "https://objecion-madrid.example.org"),
    ("Barcelona Peace Assembly", "ES", ""),
    ("Kraków Peace Initiative", "PL", ""),
    ("Warsaw Migrant Support Network", "PL", "https://migrant-support-warsaw.example.org"),
    ("Vredesbeweging Utrecht", "NL", ""),
    ("Amsterdam Conscientious Objectors' Fund", "NL", ""),
    ("Friedensbüro Graz", "AT", "https://friedensbuero-graz.example.org"),
    ("Vienna Asylum Circle", "AT", ""),
    ("Exile Objectors' Association", "RU", ""),
    ("Belarusian Diaspora Peace Group", "BY", ""),
    ("Kyiv Pacifist Students", "UA", ""),
]
PENDING_SIGNATORY = ("Hamburg Peace Library", "DE", "")

# (file name, title, language, description, text)
MATERIAL_FILES = [
    (
        "objectwar-leaflet-en.pdf",
        "Leaflet: Object war!",
        "en",
        "A4 leaflet, two pages",
        "Object war! Protection and asylum for objectors and deserters from Russia, Belarus "
        "and Ukraine.",
    ),
    (
        "objectwar-flugblatt-de.pdf",
        "Flugblatt: Kriegsdienst verweigern!",
        "de",
        "A4-Flugblatt, zwei Seiten",
        "Schutz und Asyl für Verweigerer und Deserteure aus Russland, Belarus und der Ukraine.",
    ),
    (
        "objectwar-folleto-es.pdf",
        "Folleto: ¡Objeta la guerra!",
        "es",
        "Folleto A4",
        "Protección y asilo para objetores y desertores de Rusia, Bielorrusia y Ucrania.",
    ),
    (
        "objectwar-volantino-it.pdf",
        "Volantino: Obiettare alla guerra!",
        "it",
        "Volantino A4",
        "Protezione e asilo per obiettori e disertori da Russia, Bielorussia e Ucraina.",
    ),
    (
        "objectwar-listovka-ru.txt",
        "Листовка: Откажись от войны!",
        "ru",
        "Текст листовки",
        "Защита и убежище для отказников и дезертиров из России, Беларуси и Украины.",
    ),
    (
        "objectwar-lystivka-uk.txt",
        "Листівка: Відмовся від війни!",
        "uk",
        "Текст листівки",
        "Захист і притулок для відмовників і дезертирів з Росії, Білорусі та України.",
    ),
]

APPEAL_FILES = {
    "appeal-bundestag": [
        ("appeal-bundestag-en.pdf", "Appeal to the Bundestag (English)", "en"),
        ("appeal-bundestag-de.pdf", "Appell an den Bundestag (Deutsch)", "de"),
        ("appeal-bundestag-ru.txt", "Обращение к Бундестагу (русский)", "ru"),
    ],
    "appeal-european-parliament": [
        ("appeal-ep-en.pdf", "Appeal to the European Parliament (English)", "en"),
        ("appeal-ep-fr.pdf", "Appel au Parlement européen (français)", "fr"),
        ("appeal-ep-uk.txt", "Звернення до Європейського парламенту (українська)", "uk"),
    ],
}

PHRASEBOOKS = {
    "de": {
        "Campaign": "Kampagne",
        CAMPAIGN["introduction"]: (
            "Mehr als 100 Organisationen aus über 20 Ländern fordern Schutz und Asyl für "
            "Kriegsdienstverweigerer und Deserteure aus Russland, Belarus und der Ukraine. "
            "Machen Sie mit bei der #ObjectWarCampaign."
        ),
        "Appeal to the Bundestag": "Appell an den Bundestag",
        "the German Bundestag": "den Deutschen Bundestag",
        "Appeal to the European Parliament": "Appell an das Europäische Parlament",
        "the European Parliament": "das Europäische Parlament",
        APPEALS[0]["teaser"]: (
            "Schutz und Asyl für Kriegsdienstverweigerer und Deserteure aus Russland, Belarus "
            "und der Ukraine."
        ),
        APPEALS[1]["teaser"]: (
            "Die Europäische Union muss alle schützen, die sich weigern, an diesem Krieg "
            "teilzunehmen."
        ),
        "Campaign material": "Kampagnenmaterial",
        "Support the network": "Das Netzwerk unterstützen",
        "Get help": "Hilfe finden",
        HELP["introduction"]: (
            "Wir beantworten Fragen von Kriegsdienstverweigerern, Deserteuren und "
            "Militärdienstentziehern und ihren Familien. Die Beratung ist kostenlos und "
            "vertraulich. Das europäische Netzwerk hilft, Schutz und Asyl zu finden und ein "
            "neues Leben aufzubauen."
        ),
        REACH_THROUGH_HOTLINE: (
            "Kontakt über die Beratungshotline, die Sie mit der Gruppe verbindet."
        ),
    },
    "ru": {
        "Campaign": "Кампания",
        CAMPAIGN["introduction"]: (
            "Более 100 организаций из более чем 20 стран требуют защиты и убежища для "
            "отказников по убеждениям и дезертиров из России, Беларуси и Украины. "
            "Присоединяйтесь к #ObjectWarCampaign."
        ),
        "Appeal to the Bundestag": "Обращение к Бундестагу",
        "the German Bundestag": "Бундестагу Германии",
        "Appeal to the European Parliament": "Обращение к Европейскому парламенту",
        "the European Parliament": "Европейскому парламенту",
        "Campaign material": "Материалы кампании",
        "Support the network": "Поддержать сеть",
        "Get help": "Получить помощь",
        HELP["introduction"]: (
            "Мы отвечаем на вопросы отказников по убеждениям, дезертиров и уклоняющихся от "
            "призыва, а также их семей. Консультации бесплатны и конфиденциальны. Европейская "
            "сеть помогает найти защиту и убежище и начать новую жизнь."
        ),
        REACH_THROUGH_HOTLINE: "Связаться можно через горячую линию: она вас соединит.",
    },
    "uk": {
        "Campaign": "Кампанія",
        CAMPAIGN["introduction"]: (
            "Понад 100 організацій з понад 20 країн вимагають захисту й притулку для "
            "відмовників за переконаннями та дезертирів з Росії, Білорусі та України. "
            "Долучайтеся до #ObjectWarCampaign."
        ),
        "Appeal to the Bundestag": "Звернення до Бундестагу",
        "the German Bundestag": "Бундестагу Німеччини",
        "Appeal to the European Parliament": "Звернення до Європейського парламенту",
        "the European Parliament": "Європейському парламенту",
        "Campaign material": "Матеріали кампанії",
        "Support the network": "Підтримати мережу",
        "Get help": "Отримати допомогу",
        HELP["introduction"]: (
            "Ми відповідаємо на запитання відмовників за переконаннями, дезертирів і тих, хто "
            "ухиляється від призову, а також їхніх родин. Консультації безкоштовні й "
            "конфіденційні. Європейська мережа допомагає знайти захист і притулок та почати "
            "нове життя."
        ),
        REACH_THROUGH_HOTLINE: "Зв'язатися можна через гарячу лінію: вона вас з'єднає.",
    },
    "be": {
        "Campaign": "Кампанія",
        CAMPAIGN["introduction"]: (
            "Больш за 100 арганізацый з больш чым 20 краін патрабуюць абароны і прытулку для "
            "адмоўнікаў па перакананнях і дэзерціраў з Расіі, Беларусі і Украіны. "
            "Далучайцеся да #ObjectWarCampaign."
        ),
        "Appeal to the Bundestag": "Зварот да Бундэстага",
        "the German Bundestag": "Бундэстагу Германіі",
        "Appeal to the European Parliament": "Зварот да Еўрапейскага парламента",
        "the European Parliament": "Еўрапейскаму парламенту",
        "Campaign material": "Матэрыялы кампаніі",
        "Support the network": "Падтрымаць сетку",
        "Get help": "Атрымаць дапамогу",
        HELP["introduction"]: (
            "Мы адказваем на пытанні адмоўнікаў па перакананнях, дэзерціраў і тых, хто "
            "ўхіляецца ад прызыву, а таксама іх сем'яў. Кансультацыі бясплатныя і "
            "канфідэнцыйныя. Еўрапейская сетка дапамагае знайсці абарону і прытулак і пачаць "
            "новае жыццё."
        ),
        REACH_THROUGH_HOTLINE: "Звязацца можна праз гарачую лінію: яна вас злучыць.",
    },
}


# The appeal's text in the other languages.
APPEAL_TRANSLATIONS = {
    "de": {
        APPEAL_TEXT[0]: (
            "Wir sind ein Bündnis zivilgesellschaftlicher Organisationen. Wir verurteilen"
            " den völkerrechtswidrigen Angriffskrieg Russlands gegen die Ukraine, der "
            "Hunderttausende Menschenleben gekostet und Millionen Menschen aus ihrer "
            "Heimat vertrieben hat."
        ),
        APPEAL_TEXT[1]: (
            "Wir fordern von den Regierungen Russlands, Belarus' und der Ukraine: Beenden"
            " Sie sofort die Verfolgung von Kriegsdienstverweigerern und Deserteuren."
        ),
        APPEAL_TEXT[2]: (
            "Kriegsdienstverweigerung ist ein Menschenrecht, das der Europäische "
            "Gerichtshof für Menschenrechte 2011 anerkannt hat. Es muss auch im Krieg "
            "gelten."
        ),
        APPEALS[0]["demand"]: (
            "Wir bitten die Abgeordneten des Bundestages: Öffnen Sie die Grenzen für "
            "Menschen, die sich weigern zu kämpfen, und gewähren Sie ihnen Schutz und "
            "Asyl in Deutschland."
        ),
        APPEALS[1]["demand"]: (
            "Wir bitten die Abgeordneten des Europäischen Parlaments: Lassen Sie "
            "Kriegsgegnerinnen und Kriegsgegner in die Europäische Union einreisen und "
            "schützen Sie sie vor Abschiebung."
        ),
    },
    "ru": {
        APPEAL_TEXT[0]: (
            "Мы — альянс организаций гражданского общества. Мы осуждаем агрессивную войну"
            " России против Украины, которая нарушает международное право, унесла сотни "
            "тысяч жизней и вынудила миллионы людей покинуть свои дома."
        ),
        APPEAL_TEXT[1]: (
            "Мы требуем от правительств России, Беларуси и Украины: немедленно прекратите"
            " преследование отказников по убеждениям и дезертиров."
        ),
        APPEAL_TEXT[2]: (
            "Отказ от военной службы по убеждениям — право человека, признанное "
            "Европейским судом по правам человека в 2011 году. Оно должно действовать и "
            "во время войны."
        ),
        APPEALS[0]["demand"]: (
            "Мы просим депутатов Бундестага: откройте границы для людей, которые "
            "отказываются воевать, и предоставьте им защиту и убежище в Германии."
        ),
        APPEALS[1]["demand"]: (
            "Мы просим депутатов Европейского парламента: впустите противников войны в "
            "Европейский союз и защитите их от высылки."
        ),
        APPEALS[0]["teaser"]: (
            "Защита и убежище для отказников по убеждениям и дезертиров из России, "
            "Беларуси и Украины."
        ),
        APPEALS[1]["teaser"]: (
            "Европейский союз должен защитить всех, кто отказывается участвовать в этой войне."
        ),
    },
    "uk": {
        APPEAL_TEXT[0]: (
            "Ми — альянс організацій громадянського суспільства. Ми засуджуємо агресивну "
            "війну Росії проти України, яка порушує міжнародне право, забрала сотні тисяч"
            " життів і змусила мільйони людей покинути свої домівки."
        ),
        APPEAL_TEXT[1]: (
            "Ми вимагаємо від урядів Росії, Білорусі та України: негайно припиніть "
            "переслідування відмовників за переконаннями та дезертирів."
        ),
        APPEAL_TEXT[2]: (
            "Відмова від військової служби за переконаннями — право людини, визнане "
            "Європейським судом з прав людини у 2011 році. Воно має діяти і під час "
            "війни."
        ),
        APPEALS[0]["demand"]: (
            "Ми просимо депутатів Бундестагу: відкрийте кордони для людей, які "
            "відмовляються воювати, і надайте їм захист і притулок у Німеччині."
        ),
        APPEALS[1]["demand"]: (
            "Ми просимо депутатів Європейського парламенту: впустіть противників війни до"
            " Європейського Союзу і захистіть їх від висилки."
        ),
        APPEALS[0]["teaser"]: (
            "Захист і притулок для відмовників за переконаннями та дезертирів з Росії, "
            "Білорусі та України."
        ),
        APPEALS[1]["teaser"]: (
            "Європейський Союз має захистити всіх, хто відмовляється брати участь у цій війні."
        ),
    },
    "be": {
        APPEAL_TEXT[0]: (
            "Мы — альянс арганізацый грамадзянскай супольнасці. Мы асуджаем агрэсіўную "
            "вайну Расіі супраць Украіны, якая парушае міжнароднае права, забрала сотні "
            "тысяч жыццяў і прымусіла мільёны людзей пакінуць свае дамы."
        ),
        APPEAL_TEXT[1]: (
            "Мы патрабуем ад урадаў Расіі, Беларусі і Украіны: неадкладна спыніце "
            "пераслед адмоўнікаў па перакананнях і дэзерціраў."
        ),
        APPEAL_TEXT[2]: (
            "Адмова ад вайсковай службы па перакананнях — права чалавека, прызнанае "
            "Еўрапейскім судом па правах чалавека ў 2011 годзе. Яно павінна дзейнічаць і "
            "падчас вайны."
        ),
        APPEALS[0]["demand"]: (
            "Мы просім дэпутатаў Бундэстага: адкрыйце межы для людзей, якія адмаўляюцца "
            "ваяваць, і дайце ім абарону і прытулак у Германіі."
        ),
        APPEALS[1]["demand"]: (
            "Мы просім дэпутатаў Еўрапейскага парламента: упусціце праціўнікаў вайны ў "
            "Еўрапейскі саюз і абараніце іх ад высылкі."
        ),
        APPEALS[0]["teaser"]: (
            "Абарона і прытулак для адмоўнікаў па перакананнях і дэзерціраў з Расіі, "
            "Беларусі і Украіны."
        ),
        APPEALS[1]["teaser"]: (
            "Еўрапейскі саюз павінен абараніць усіх, хто адмаўляецца ўдзельнічаць у гэтай вайне."
        ),
    },
}
for _code, _strings in APPEAL_TRANSLATIONS.items():
    PHRASEBOOKS[_code].update(_strings)

# --- small real files ------------------------------------------------------------


def _pdf(text):
    """A one-page PDF showing `text` (Latin-1) in Helvetica."""
    safe = text.encode("latin-1", "replace").decode("latin-1")
    safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 56 780 Td ({safe}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _document(filename, title, text):
    """The Wagtail document with this title, created with a small real file if missing.
    A file already in storage (from an earlier run on another database) is reused."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    content = _pdf(text) if filename.endswith(".pdf") else (text + "\n").encode()
    path = f"documents/demo/{filename}"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(content))
    return Document.objects.create(
        title=title,
        file=path,
        file_size=len(content),
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )


# --- countries, pages, people ------------------------------------------------------


def _countries():
    """English Country rows by code: the knowledge base's and the ones above."""
    from knowledge.models import Country

    english = Locale.objects.get(language_code="en")
    for code, names in COUNTRIES.items():
        country = Country.objects.filter(code=code, locale=english).first()
        if country is None:
            country = Country.objects.create(locale=english, code=code, name=names[0])
        for language, name in zip(LANGUAGES, names[1:], strict=True):
            translate(country, language, {names[0]: name})
    return {c.code: c for c in Country.objects.filter(locale=english)}


def _child(parent, model, data, **extra):
    page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
    if page is None:
        page = model(locale=parent.locale, **data, **extra)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _translate_everywhere(page, user):
    return {"en": page} | {
        code: translate(page, code, PHRASEBOOKS[code], user=user) for code in LANGUAGES
    }


def load(context):
    user = context.get("user")
    home = context["homes"]["en"]
    countries = _countries()

    campaign = _child(home, CampaignIndexPage, CAMPAIGN)
    _translate_everywhere(campaign, user)

    appeals = {}
    for data in APPEALS:
        fields = {k: v for k, v in data.items() if k != "demand"}
        body = [("paragraph", RichText(f"<p>{text}</p>")) for text in APPEAL_TEXT]
        body.append(("paragraph", RichText(f"<p>{data['demand']}</p>")))
        appeal = AppealPage.objects.child_of(campaign).filter(slug=data["slug"]).first()
        if appeal is None:
            appeal = AppealPage(locale=campaign.locale, body=body, **fields)
            for filename, title, language in APPEAL_FILES[data["slug"]]:
                appeal.documents.add(
                    AppealDocument(
                        document=_document(filename, title, f"{title}. {APPEAL_TEXT[1]}"),
                        language=language,
                        locale=campaign.locale,
                    )
                )
            campaign.add_child(instance=appeal)
            appeal.save_revision().publish()
        appeals[data["slug"]] = appeal
        _translate_everywhere(appeal, user)

    material = MaterialPage.objects.child_of(campaign).filter(slug=MATERIAL["slug"]).first()
    if material is None:
        material = MaterialPage(locale=campaign.locale, **MATERIAL)
        for filename, title, language, description, text in MATERIAL_FILES:
            material.materials.add(
                MaterialDocument(
                    document=_document(filename, title, text),
                    language=language,
                    description=description,
                    locale=campaign.locale,
                )
            )
        campaign.add_child(instance=material)
        material.save_revision().publish()
    _translate_everywhere(material, user)

    fundraising = FundraisingPage.objects.child_of(campaign).first()
    if fundraising is None:
        fundraising = _child(
            campaign,
            FundraisingPage,
            FUNDRAISING,
            supported_groups=[
                ("group", {"name": name, "country": country, "description": text, "url": ""})
                for name, country, text in SUPPORTED_GROUPS
            ],
        )
    _translate_everywhere(fundraising, user)

    help_page = HelpPage.objects.child_of(home).first()
    if help_page is None:
        help_page = HelpPage(locale=home.locale, **HELP)
        for name, code, city, description, languages, website, email, phone in NETWORK:
            if code not in countries:
                continue  # the knowledge base has not created this country (yet)
            help_page.network.add(
                NetworkContact(
                    locale=home.locale,
                    name=name,
                    country=countries[code],
                    city=city,
                    description=description,
                    languages=languages,
                    website=website,
                    email=email,
                    phone=phone,
                )
            )
        home.add_child(instance=help_page)
        help_page.save_revision().publish()
    _translate_everywhere(help_page, user)

    for appeal in appeals.values():
        for name, code, website in SIGNATORIES:
            _signatory(appeal, name, countries.get(code), website, Signatory.Status.APPROVED)
    name, code, website = PENDING_SIGNATORY
    _signatory(appeals["appeal-bundestag"], name, countries.get(code), website, "pending")

    context["campaign"] = {"index": campaign, "appeals": appeals, "help": help_page}


def _signatory(appeal, name, country, website, status):
    # Whatever its status: running the loader again adds nothing.
    if not Signatory.objects.filter(
        appeal=appeal, name_key=normalise_name(name), country=country
    ).exists():
        Signatory.objects.create(
            appeal=appeal, name=name, country=country, website=website, status=status
        )
