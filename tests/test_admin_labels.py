"""Every label editors see in the admin is translatable and translated: the verbose name and
help text of each field of the project's models, the label and help text of each StreamField
block, the heading of each panel, the models' names. A new English string without a
translation in each language's catalogue fails here (translators' dashboard and editors'
forms would show it in English: "Topic", "Status since", "Every rule needs…" in a German or
Ukrainian admin before)."""

from pathlib import Path

from django.apps import apps
from django.utils.functional import Promise

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, get_edit_handler
from wagtail.fields import StreamField
from wagtail.models import Page

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["de", "ru", "uk", "be"]
# The apps whose models editors work with. `search` (PendingIndexUpdate, never shown in the
# admin) and `demo` (no models) are not among them.
APPS = ["home", "knowledge", "news", "campaign", "safety", "mirror", "alternative_service"]


def catalogue(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    return {entry.msgid for entry in po.translated_entries()}


def project_class(cls):
    return cls.__module__.split(".")[0] in APPS


def project_models():
    return [model for app in APPS for model in apps.get_app_config(app).get_models()]


def declared_by_project(model, field):
    """Whether `field` is declared by one of the project's classes (not inherited from a
    Wagtail model or mixin such as Page, Orderable or TranslatableMixin)."""
    for cls in reversed(model.__mro__):  # abstract parents copy their fields to children
        meta = getattr(cls, "_meta", None)
        if meta is None:
            continue
        local = {f.name for f in [*meta.local_fields, *meta.local_many_to_many]}
        if field.name in local:
            return project_class(cls)
    return False


def texts_of_block(block, where):
    """(where, what, text) for the children of a project block, recursively."""
    children = dict(getattr(block, "child_blocks", {}))
    if hasattr(block, "child_block"):  # a ListBlock
        children["item"] = block.child_block
    for name, child in children.items():
        here = f"{where}.{name}"
        yield here, "label", child.label
        if getattr(child.meta, "help_text", None):
            yield here, "help_text", child.meta.help_text
        if project_class(type(child)) or type(child) in (blocks.StreamBlock, blocks.StructBlock):
            yield from texts_of_block(child, here)


def texts_of_panel(panel, where):
    wagtails = isinstance(panel, FieldPanel) and panel.field_name in PAGE_FIELDS
    if panel.heading and not wagtails and str(panel.heading) not in WAGTAIL_HEADINGS:
        yield where, "heading", panel.heading
    for child in getattr(panel, "children", []):
        yield from texts_of_panel(child, f"{where} > {child.heading or type(child).__name__}")


def _headings(panels):
    for panel in panels:
        if panel.heading:
            yield str(panel.heading)
        yield from _headings(getattr(panel, "children", []))


PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}
# Wagtail's own tabs and panels ("Content", "Promote", "For search engines"…), which Wagtail's
# catalogues translate.
WAGTAIL_HEADINGS = set(_headings([Page.get_edit_handler()]))


def admin_texts():
    """(where, what, text) for every label the admin shows of the project's models."""
    for model in project_models():
        name = model._meta.label
        yield name, "verbose_name", model._meta.verbose_name
        yield name, "verbose_name_plural", model._meta.verbose_name_plural
        for field in model._meta.get_fields():
            if (
                not getattr(field, "editable", False)
                or field.primary_key  # ids and links to the Page row: never shown
                or not declared_by_project(model, field)
            ):
                continue
            yield f"{name}.{field.name}", "verbose_name", field.verbose_name
            if field.help_text:
                yield f"{name}.{field.name}", "help_text", field.help_text
            if isinstance(field, StreamField):
                yield from texts_of_block(field.stream_block, f"{name}.{field.name}")
        if issubclass(model, Page):
            yield from texts_of_panel(model.get_edit_handler(), name)
        elif hasattr(model, "panels"):
            yield from texts_of_panel(get_edit_handler(model), name)


def test_the_walk_finds_the_labels_editors_complained_about():
    texts = {str(text) for _where, _what, text in admin_texts()}
    assert {"topic", "status since", "Legal rules", "Penalty", "Source"} <= texts
    assert any(text.startswith("Every rule needs") for text in texts)


def test_every_admin_label_is_a_translation():
    not_lazy = [
        f"{where} {what}: {text!r}"
        for where, what, text in admin_texts()
        if not isinstance(text, Promise)
    ]
    assert not not_lazy, "Wrap in gettext_lazy:\n" + "\n".join(not_lazy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_label_is_translated(language):
    known = catalogue(language)
    missing = sorted({str(text) for _where, _what, text in admin_texts() if str(text) not in known})
    assert not missing, f"{language}: add to locale/{language}/LC_MESSAGES/django.po:\n" + (
        "\n".join(missing)
    )
