"""Demo home and knowledge-base start pages in English, with their translations, and the
help channels (demo/data/home.yaml)."""

from datetime import time

from wagtail.models import Locale, Page, Site

from home.models import HelpChannels, HomePage
from knowledge.models import KnowledgeIndexPage

from .. import data
from ..localize import translate_all


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(context):
    """Home page and knowledge-base start page in English, translated into the
    other four languages; the default site points at the English home."""
    content = data.home()
    phrasebooks = data.phrasebooks("home")
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        # Wagtail's initial "Welcome" page holds the slug "home"; it is replaced.
        # (Deleting it also deletes the default Site, which is recreated below.)
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = _publish(root, HomePage(locale=english, **content["home"]))

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
        knowledge = _publish(home, KnowledgeIndexPage(locale=english, **content["knowledge_index"]))
    if home.knowledge_page_id != knowledge.id:
        home.knowledge_page = knowledge
        home.save_revision().publish()

    user = context.get("user")
    context["homes"] = {"en": home, **translate_all(home, phrasebooks, user=user)}
    context["knowledge_index"] = {
        "en": knowledge,
        **translate_all(knowledge, phrasebooks, user=user),
    }

    channels = HelpChannels.for_site(site)
    if channels.is_empty:
        for field, value in content["help_channels"].items():
            if field in ("hotline_opens", "hotline_closes"):
                value = time.fromisoformat(value)
            setattr(channels, field, value)
        channels.save()
