"""The demo "Read this site safely" page (demo/data/safety.yaml) under the English home,
translated through wagtail-localize from demo/locale/<lang>/LC_MESSAGES/safety.po."""

from safety.models import SafetyPage

from .. import data
from ..localize import translate_all


def load(context):
    home = context["homes"]["en"]
    page = SafetyPage.objects.child_of(home).first()
    if page is None:
        fields = data.safety()
        body = [tuple(block) for block in fields.pop("body")]
        page = SafetyPage(locale=home.locale, body=body, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
    translate_all(page, data.phrasebooks(domain="safety"), user=context.get("user"))
