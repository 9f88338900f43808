"""Demo home and knowledge-base start pages in English, with their translations."""

from datetime import time

from wagtail.models import Locale, Page, Site

from home.models import HelpChannels, HomePage
from knowledge.models import KnowledgeIndexPage

from .localize import translate_all

HOME = {
    "title": "#ObjectWarCampaign",
    "slug": "home",
    "headline": "Refusing to kill is a human right, in war too",
    "introduction": (
        "We are an alliance of civil society organisations. We support people from Russia, "
        "Belarus and Ukraine who refuse military service, desert or evade the draft: with "
        "information on the law, counselling, and a European network that helps them find "
        "protection and asylum."
    ),
    "knowledge_call": "Know the law before you answer a summons",
}

KNOWLEDGE_INDEX = {
    "title": "Knowledge base",
    "slug": "knowledge",
    "introduction": (
        "Country profiles and practical guides on conscription, conscientious objection, "
        "mobilisation, desertion and asylum. Every rule names its legal basis, its sources and "
        "the date it was last checked. This is information, not legal advice."
    ),
}

PHRASEBOOKS = {
    "de": {
        HOME["headline"]: "Das Recht, nicht zu töten, gilt auch im Krieg",
        HOME["introduction"]: (
            "Wir sind ein Bündnis zivilgesellschaftlicher Organisationen. Wir unterstützen "
            "Menschen aus Russland, Belarus und der Ukraine, die den Militärdienst verweigern, "
            "desertieren oder sich der Einberufung entziehen: mit Informationen zur Rechtslage, "
            "Beratung und einem europäischen Netzwerk, das ihnen hilft, Schutz und Asyl zu finden."
        ),
        HOME["knowledge_call"]: "Kennen Sie die Rechtslage, bevor Sie einer Vorladung folgen",
        KNOWLEDGE_INDEX["title"]: "Wissensdatenbank",
        KNOWLEDGE_INDEX["introduction"]: (
            "Länderprofile und praktische Ratgeber zu Wehrpflicht, Kriegsdienstverweigerung, "
            "Mobilisierung, Desertion und Asyl. Jede Regel nennt ihre Rechtsgrundlage, ihre "
            "Quellen und das Datum der letzten Prüfung. Dies ist eine Information, keine "
            "Rechtsberatung."
        ),
    },
    "ru": {
        HOME["headline"]: "Отказ убивать — право человека, и на войне тоже",
        HOME["introduction"]: (
            "Мы — альянс организаций гражданского общества. Мы поддерживаем людей из России, "
            "Беларуси и Украины, которые отказываются от военной службы, дезертируют или "
            "уклоняются от призыва: информацией о законах, консультациями и европейской сетью, "
            "которая помогает найти защиту и убежище."
        ),
        HOME["knowledge_call"]: "Узнайте закон, прежде чем идти по повестке",
        KNOWLEDGE_INDEX["title"]: "База знаний",
        KNOWLEDGE_INDEX["introduction"]: (
            "Профили стран и практические руководства о призыве, отказе от военной службы по "
            "убеждениям, мобилизации, дезертирстве и убежище. У каждого правила указаны "
            "правовая основа, источники и дата последней проверки. Это информация, а не "
            "юридическая консультация."
        ),
    },
    "uk": {
        HOME["headline"]: "Відмова вбивати — право людини, і на війні теж",
        HOME["introduction"]: (
            "Ми — альянс організацій громадянського суспільства. Ми підтримуємо людей з Росії, "
            "Білорусі та України, які відмовляються від військової служби, дезертирують або "
            "ухиляються від призову: інформацією про закони, консультаціями та європейською "
            "мережею, яка допомагає знайти захист і притулок."
        ),
        HOME["knowledge_call"]: "Дізнайтеся закон, перш ніж іти за повісткою",
        KNOWLEDGE_INDEX["title"]: "База знань",
        KNOWLEDGE_INDEX["introduction"]: (
            "Профілі країн і практичні посібники про призов, відмову від військової служби за "
            "переконаннями, мобілізацію, дезертирство та притулок. Для кожного правила вказано "
            "правову підставу, джерела і дату останньої перевірки. Це інформація, а не "
            "юридична консультація."
        ),
    },
    "be": {
        HOME["headline"]: "Адмова забіваць — права чалавека, і на вайне таксама",
        HOME["introduction"]: (
            "Мы — альянс арганізацый грамадзянскай супольнасці. Мы падтрымліваем людзей з "
            "Расіі, Беларусі і Украіны, якія адмаўляюцца ад вайсковай службы, дэзерціруюць або "
            "ўхіляюцца ад прызыву: інфармацыяй пра законы, кансультацыямі і еўрапейскай сеткай, "
            "якая дапамагае знайсці абарону і прытулак."
        ),
        HOME["knowledge_call"]: "Даведайцеся закон, перш чым ісці па позве",
        KNOWLEDGE_INDEX["title"]: "База ведаў",
        KNOWLEDGE_INDEX["introduction"]: (
            "Профілі краін і практычныя дапаможнікі пра прызыў, адмову ад вайсковай службы па "
            "перакананнях, мабілізацыю, дэзерцірства і прытулак. Для кожнага правіла пазначаны "
            "прававая аснова, крыніцы і дата апошняй праверкі. Гэта інфармацыя, а не "
            "юрыдычная кансультацыя."
        ),
    },
}

# Demo values. The hotline number is the alliance's published office number; the
# other channels must be checked by the editors before the site goes live.
HELP_CHANNELS = {
    "telegram_channel_name": "Connection e.V. на русском",
    "telegram_channel_url": "https://t.me/connection_ev_ru",
    "hotline_number": "+49 69 8237 5534",
    "hotline_first_day": 0,
    "hotline_last_day": 3,
    "hotline_opens": time(10, 0),
    "hotline_closes": time(16, 0),
    "email": "office@connection-ev.org",
}


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(context):
    """Home page and knowledge-base start page in English, translated into the
    other four languages; the default site points at the English home."""
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        # Wagtail's initial "Welcome" page holds the slug "home"; it is replaced.
        # (Deleting it also deletes the default Site, which is recreated below.)
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = _publish(root, HomePage(locale=english, **HOME))

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            is_default_site=True,
            root_page=home,
            site_name="#ObjectWarCampaign",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.save()

    knowledge = KnowledgeIndexPage.objects.child_of(home).first()
    if knowledge is None:
        knowledge = _publish(home, KnowledgeIndexPage(locale=english, **KNOWLEDGE_INDEX))
    if home.knowledge_page_id != knowledge.id:
        home.knowledge_page = knowledge
        home.save_revision().publish()

    user = context.get("user")
    context["homes"] = {"en": home, **translate_all(home, PHRASEBOOKS, user=user)}
    context["knowledge_index"] = {
        "en": knowledge,
        **translate_all(knowledge, PHRASEBOOKS, user=user),
    }

    channels = HelpChannels.for_site(site)
    if channels.is_empty:
        for field, value in HELP_CHANNELS.items():
            setattr(channels, field, value)
        channels.save()
