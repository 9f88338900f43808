"""The demo application builders for alternative service (demo/data/alternative_service.yaml)
under the English knowledge base, translated through wagtail-localize from
demo/locale/<lang>/LC_MESSAGES/alternative_service.po, and marked as legally reviewed."""

from wagtail.models import Locale

from alternative_service.models import ApplicationBuilderPage
from knowledge.models import Country, KnowledgeIndexPage
from knowledge.review import mark_reviewed

from .. import data
from ..localize import translate_all

STREAMS = ("attachments", "deadlines")


def _builder(index, fields, english):
    page = ApplicationBuilderPage.objects.child_of(index).filter(slug=fields["slug"]).first()
    if page is not None:
        return page
    values = {k: v for k, v in fields.items() if k not in ("country", "last_reviewed", *STREAMS)}
    page = ApplicationBuilderPage(
        locale=english,
        country=Country.objects.get(code=fields["country"], locale=english),
        attachments=[("attachment", item) for item in fields["attachments"]],
        deadlines=[("deadline", item) for item in fields["deadlines"]],
        **values,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    mark_reviewed(page, None, when=fields["last_reviewed"])
    return ApplicationBuilderPage.objects.get(pk=page.pk)


def load(context):
    english = Locale.objects.get(language_code="en")
    index = KnowledgeIndexPage.objects.get(locale=english)
    phrasebooks = data.phrasebooks(domain="alternative_service")
    for fields in data.alternative_service():
        page = _builder(index, fields, english)
        for translation in translate_all(page, phrasebooks, user=context.get("user")).values():
            # Each language version is approved on its own (ReviewedMixin.reviewed_revision).
            mark_reviewed(translation, None, when=fields["last_reviewed"])
