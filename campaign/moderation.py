"""Moderating signatures: the "Signature moderators" group, the e-mail that tells them of a new
signature, the count on their dashboard and the bulk approve/reject of the signature list
(campaign/wagtail_hooks.py).

The e-mail goes to every active member of the group with an address, in the language each
chose for the admin, after the signature is committed (a form posted twice, or a failed
insert, sends nothing). It names the appeal, the organisation and its country and links to
the list; it never carries the signer's contact address, which stays in the admin.
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

MODERATORS_GROUP = "Signature moderators"
MODERATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("campaign", "view_signatory"),
    ("campaign", "change_signatory"),
)


@transaction.atomic
def setup_signature_moderators():
    """Create or update the "Signature moderators" group (idempotent)."""
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in MODERATOR_PERMISSIONS
        ]
    )
    return group


def pending_list_url():
    from .models import Signatory

    return (
        reverse(Signatory.snippet_viewset.get_url_name("list"))
        + f"?status={Signatory.Status.PENDING}"
    )


def moderators():
    return (
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
    )


def _appeal_title(appeal, language):
    """The appeal's title in `language` if it is translated, else the original's."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = appeal.get_translation_or_none(locale) if locale else None
    return (translated or appeal).title


def _message(signatory, user, connection):
    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        context = {
            "signatory": signatory,
            "appeal": _appeal_title(signatory.appeal, language),
            "country": signatory.country.name if signatory.country else "",
            "list_url": settings.WAGTAILADMIN_BASE_URL + pending_list_url(),
            "edit_url": settings.WAGTAILADMIN_BASE_URL
            + reverse(
                signatory.snippet_viewset.get_url_name("edit"),
                args=[signatory.pk],
            ),
        }
        # The subject says what to do and for which appeal; what the signer typed stays in
        # the body (a name may be anything, and the contact address is never sent).
        subject = _("New signature to check: %(appeal)s") % {"appeal": context["appeal"]}
        body = render_to_string("campaign/emails/new_signature.txt", context)
    return EmailMessage(
        subject=subject.replace("\n", " "), body=body, to=[user.email], connection=connection
    )


def notify_moderators(signatory_id):
    """E-mail every moderator about a new pending signature, each in their language."""
    from .models import Signatory

    signatory = (
        Signatory.objects.select_related("appeal").filter(pk=signatory_id, status="pending").first()
    )
    if signatory is None:
        return 0
    connection = get_connection()
    messages = [_message(signatory, user, connection) for user in moderators()]
    return connection.send_messages(messages) if messages else 0


def on_signatory_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.status == instance.Status.PENDING:
        # robust: a mail server that is down must not turn the signer's thanks into an error.
        transaction.on_commit(partial(notify_moderators, instance.pk), robust=True)
