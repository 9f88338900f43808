"""Small builders for tests: a campaign section with an appeal and its signatories."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale

from campaign.models import AppealPage, CampaignIndexPage, Signatory
from tests.builders.news import publish, translate_page


def make_campaign(home, slug="test-campaign"):
    campaign = CampaignIndexPage(title="Campaign", slug=slug, locale=home.locale)
    home.add_child(instance=campaign)
    return publish(campaign)


def make_appeal(campaign, slug="test-appeal", translations=()):
    """An English appeal with translations into `translations` (the campaign section
    is translated too where needed): {code: appeal}."""
    appeal = AppealPage(
        title="Test appeal",
        slug=slug,
        locale=campaign.locale,
        addressee="the Bundestag",
        teaser="Protect objectors.",
        body=[("paragraph", "<p>Open the borders.</p>")],
    )
    campaign.add_child(instance=appeal)
    appeals = {"en": publish(appeal)}
    for code in translations:
        if not campaign.has_translation(Locale.objects.get(language_code=code)):
            translate_page(campaign, code)
        appeals[code] = translate_page(appeal, code)
    return appeals


def make_signatories(appeal, count, countries, status=Signatory.Status.APPROVED):
    """`count` organisations, spread over `countries` (ISO codes) in turn."""
    return [
        Signatory.objects.create(
            appeal=appeal,
            name=f"Organisation {n:03d}",
            country=countries[n % len(countries)],
            website=f"https://org{n}.example.org",
            contact_email=f"contact{n}@example.org",
            status=status,
        )
        for n in range(count)
    ]


def make_document(title, filename, content=b"%PDF-1.4\n% test\n"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=filename), file_size=len(content)
    )
