"""Per-locale translator teams and the "Translation leads" group.

Each non-English locale gets a group "Translators: <language>" that may add and edit (not
publish) pages in that locale's tree and add, edit and choose images and documents in its own
collection only. "Translation leads" may submit English pages for translation and edit the
translatable snippets (country names, news series), whose permissions Wagtail grants per model,
not per language. Idempotent:
running it again (also after adding a language) creates only what is missing.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Site,
    TranslatableMixin,
)
from wagtail.snippets.models import get_snippet_models

SOURCE_LANGUAGE = "en"
LEADS_GROUP = "Translation leads"
TRANSLATORS_GROUP = "Translators: {language}"
COLLECTION_NAME = "Images and documents: {language}"

# Translators submit for moderation: no publish (nor lock/unlock/bulk delete) permission.
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
TRANSLATOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
LEADS_PAGE_PERMISSIONS = ("change_page",)


def translatable_snippet_permissions():
    """The view and change permissions of every registered translatable snippet."""
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    content_types = ContentType.objects.get_for_models(*models).values()
    return Permission.objects.filter(
        content_type__in=content_types, codename__regex=r"^(view|change)_"
    )


def language_name(language_code):
    """The language's name in itself, as in settings.LANGUAGES (e.g. "Русский")."""
    return dict(settings.LANGUAGES).get(language_code, language_code)


def translators_group_name(language_code):
    return TRANSLATORS_GROUP.format(language=language_name(language_code))


def collection_name(language_code):
    return COLLECTION_NAME.format(language=language_name(language_code))


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return _permission("wagtailcore", codename)


def _set_page_permissions(group, page, codenames):
    """Give `group` exactly `codenames` on `page` (removing any others it had there)."""
    wanted = [_page_permission(codename) for codename in codenames]
    GroupPagePermission.objects.filter(group=group, page=page).exclude(
        permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing
    return root.add_child(instance=Collection(name=name))


def _language_roots():
    """The default site's root page (the home page) in every language: each language's
    pages are below its own."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    return site.root_page.get_translations(inclusive=True).select_related("locale")


@transaction.atomic
def setup_translator_teams():
    """Create or update the translator groups, their collections and permissions, and the
    "Translation leads" group. Returns {"leads": group, "translators": {code: group}}."""
    access_admin = _permission("wagtailadmin", "access_admin")
    homes = {page.locale.language_code: page for page in _language_roots()}

    translators = {}
    locales = Locale.objects.exclude(language_code=SOURCE_LANGUAGE).order_by("language_code")
    for locale in locales:
        code = locale.language_code
        group, _created = Group.objects.get_or_create(name=translators_group_name(code))
        group.permissions.add(access_admin)
        home = homes.get(code)
        if home is not None:
            # Their language tree only: permissions on a page cover its descendants.
            _set_page_permissions(group, home, TRANSLATOR_PAGE_PERMISSIONS)
        collection = _collection(collection_name(code))
        for app_label, codename in TRANSLATOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
        translators[code] = group

    leads, _created = Group.objects.get_or_create(name=LEADS_GROUP)
    leads.permissions.add(access_admin, _permission("wagtail_localize", "submit_translation"))
    leads.permissions.add(*translatable_snippet_permissions())
    english_home = homes.get(SOURCE_LANGUAGE)
    if english_home is not None:
        _set_page_permissions(leads, english_home, LEADS_PAGE_PERMISSIONS)
    return {"leads": leads, "translators": translators}
