"""Signature moderators: what waits for them comes first and is counted on their dashboard,
they approve or reject many at once, and hear of each new signature by e-mail in their own
language. Organisations from any country can sign (campaign/moderation.py, countries.py)."""

import io
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from campaign.models import AppealPage, Signatory
from campaign.moderation import MODERATORS_GROUP, setup_signature_moderators

APPEAL = "/en/campaign/appeal-bundestag/"
SIGN_URL = APPEAL + "sign/"
LISTING = "/admin/snippets/campaign/signatory/"


@pytest.fixture
def appeal(demo_content):
    cache.clear()  # the sign form's rate limit
    return AppealPage.objects.get(
        url_path__endswith="/appeal-bundestag/", locale__language_code="en"
    )


def moderator(django_user_model, username, language="en", email=None):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.org" if email is None else email, password="pw"
    )
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def sign(client, **changes):
    data = {
        "name": "Fredsinitiativet Malmö",
        "country": "SE",
        "website": "https://fred-malmo.example.org",
        "contact_email": "secret.signer@example.org",
        "consent": "on",
        "reference": "",
    }
    data.update(changes)
    return client.post(SIGN_URL, data)


@pytest.mark.django_db
def test_organisations_from_any_country_can_sign(client, appeal):
    html = client.get(SIGN_URL).content.decode()
    assert '<option value="SE">Sweden</option>' in html
    assert '<option value="GB">United Kingdom</option>' in html
    # Named and sorted in the reader's language, Belarusian included.
    for language, sweden, first in [
        ("de", "Schweden", "Afghanistan"),
        ("ru", "Швеция", "Австралия"),
        ("uk", "Швеція", "Австралія"),
        ("be", "Швецыя", "Аб’яднаныя Арабскія Эміраты"),  # django-countries has no "be"
    ]:
        translation = appeal.get_translations().get(locale__language_code=language)
        html = client.get(translation.url + "sign/").content.decode()
        assert f'<option value="SE">{sweden}</option>' in html, language
        options = re.findall(r'<option value="([A-Z]{2})">([^<]+)</option>', html)
        assert len(options) >= 249, language
        assert options[0][1] == first, language  # sorted in the reader's alphabet

    assert sign(client).status_code == 302
    signatory = Signatory.objects.get(name="Fredsinitiativet Malmö")
    assert signatory.country == "SE"
    signatory.status = Signatory.Status.APPROVED
    signatory.save()
    html = client.get(APPEAL).content.decode()
    assert "<h3>Sweden</h3>" in html and "Fredsinitiativet Malmö" in html


@pytest.mark.django_db
def test_the_listing_puts_pending_signatures_first(client, appeal, django_user_model):
    for name, status in [
        ("Approved Alpha", "approved"),
        ("Rejected Beta", "rejected"),
        ("Pending Gamma", "pending"),
    ]:
        Signatory.objects.create(appeal=appeal, name=name, country="SE", status=status)
    client.force_login(moderator(django_user_model, "mod"))
    html = client.get(LISTING).content.decode()
    # The first page: both pending signatures (the demo's and this one), then the newest
    # approved; rejected ones come last, after every approved one.
    assert "Pending Gamma" in html and "Approved Alpha" in html
    assert html.index("Pending Gamma") < html.index("Approved Alpha")
    assert "Sweden" in html  # the country column names the country
    assert "Rejected Beta" not in html
    assert "Rejected Beta" in client.get(LISTING, {"p": 99}).content.decode()


@pytest.mark.django_db
def test_the_dashboard_counts_what_waits_for_a_moderator(client, appeal, django_user_model):
    pending = Signatory.objects.filter(status="pending").count()
    Signatory.objects.create(appeal=appeal, name="Waiting One", country="SE")
    client.force_login(moderator(django_user_model, "mod"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Signatures waiting for moderation" in html
    assert f"Signatures to check: {pending + 1}" in html
    assert f'href="{LISTING}?status=pending"' in html

    translator = django_user_model.objects.create_user("translator", password="pw")
    translator.groups.add(Group.objects.get(name="Translators: Русский"))
    client.force_login(translator)
    assert "Signatures waiting" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_moderators_approve_and_reject_in_bulk(client, appeal, django_user_model):
    published = Signatory.objects.filter(appeal=appeal, status="approved").first()
    one = Signatory.objects.create(appeal=appeal, name="Bulk One", country="SE")
    two = Signatory.objects.create(appeal=appeal, name="Bulk Two", country="GB")
    duplicate = Signatory.objects.create(
        appeal=appeal, name=published.name.upper(), country=published.country
    )
    spam = Signatory.objects.create(appeal=appeal, name="Buy cheap pills", country="GB")
    client.force_login(moderator(django_user_model, "mod"))
    listing = client.get(LISTING).content.decode()
    approve = reverse("wagtail_bulk_action", args=["campaign", "signatory", "approve"])
    reject = reverse("wagtail_bulk_action", args=["campaign", "signatory", "reject"])
    assert approve in listing and reject in listing

    query = f"?id={one.pk}&id={two.pk}&id={duplicate.pk}&next={LISTING}"
    confirm = client.get(approve + query).content.decode()
    assert "Bulk One" in confirm and "Bulk Two" in confirm
    response = client.post(approve + query, follow=True)
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Signatures approved: 2." in messages
    assert f"already among the signatories of the appeal: {duplicate.name}" in messages
    statuses = dict(
        Signatory.objects.filter(pk__in=[one.pk, two.pk, duplicate.pk]).values_list(
            "name", "status"
        )
    )
    assert statuses == {"Bulk One": "approved", "Bulk Two": "approved", duplicate.name: "pending"}

    response = client.post(f"{reject}?id={spam.pk}&id={duplicate.pk}&next={LISTING}", follow=True)
    assert "Signatures rejected: 2." in " ".join(str(m) for m in response.context["messages"])
    spam.refresh_from_db()
    assert spam.status == "rejected"

    client.logout()
    html = client.get(APPEAL).content.decode()
    assert "Bulk One" in html and "Bulk Two" in html and "Buy cheap pills" not in html


@pytest.mark.django_db
def test_bulk_moderation_needs_the_change_permission(client, appeal, django_user_model):
    waiting = Signatory.objects.create(appeal=appeal, name="Not Yours", country="SE")
    viewer = django_user_model.objects.create_user("viewer", password="pw")
    viewer.groups.add(Group.objects.get(name="Translators: Русский"))
    client.force_login(viewer)
    approve = reverse("wagtail_bulk_action", args=["campaign", "signatory", "approve"])
    client.post(f"{approve}?id={waiting.pk}")
    waiting.refresh_from_db()
    assert waiting.status == "pending"


@pytest.mark.django_db
def test_moderators_are_emailed_in_their_language(
    client, appeal, django_user_model, django_capture_on_commit_callbacks
):
    moderator(django_user_model, "mod-de", "de")
    moderator(django_user_model, "mod-uk", "uk")
    moderator(django_user_model, "mod-without-address", "ru", email="")
    django_user_model.objects.create_user("not-a-moderator", email="n@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert sign(client).status_code == 302
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"mod-de@example.org", "mod-uk@example.org"}
    german, ukrainian = by_address["mod-de@example.org"], by_address["mod-uk@example.org"]
    german_appeal = appeal.get_translations().get(locale__language_code="de")
    assert german.subject == f"Neue Unterschrift zu prüfen: {german_appeal.title}"
    assert german_appeal.title != appeal.title
    assert "Fredsinitiativet Malmö" in german.body and "Schweden" in german.body
    assert ukrainian.subject.startswith("Новий підпис на перевірку")
    assert "Швеція" in ukrainian.body
    signatory = Signatory.objects.get(name="Fredsinitiativet Malmö")
    assert f"/admin/snippets/campaign/signatory/edit/{signatory.pk}/" in german.body
    for message in mail.outbox:
        assert "secret.signer" not in message.subject + message.body  # never the contact address

    # The same form posted again stores nothing new and sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sign(client)
    assert mail.outbox == []


@pytest.mark.django_db
def test_setting_up_the_moderators_is_idempotent(demo_content):
    group = Group.objects.get(name=MODERATORS_GROUP)  # the demo loader made it
    permissions = set(group.permissions.values_list("codename", flat=True))
    assert permissions == {"access_admin", "view_signatory", "change_signatory"}
    out = io.StringIO()
    call_command("setup_signature_moderators", stdout=out)
    assert setup_signature_moderators() == group
    assert set(group.permissions.values_list("codename", flat=True)) == permissions
    assert MODERATORS_GROUP in out.getvalue()
