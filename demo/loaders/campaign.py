"""Demo campaign (demo/data/campaign.yaml): the campaign section with the two appeals and
their signatory organisations, the campaign material in several languages, the fundraising,
and the help page with the European network; all pages in the five languages."""

from wagtail.models import Locale
from wagtail.rich_text import RichText

from campaign.models import (
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
from campaign.moderation import setup_signature_moderators
from knowledge.models import Country

from .. import data
from ..documents import demo_document
from ..localize import translate


def _countries(content, phrasebooks):
    """English Country rows by code: the knowledge base's and the campaign's own."""
    english = Locale.objects.get(language_code="en")
    for fields in content["countries"]:
        country = Country.objects.filter(code=fields["code"], locale=english).first()
        if country is None:
            country = Country.objects.create(
                locale=english, code=fields["code"], name=fields["name"]
            )
        for language, phrasebook in phrasebooks.items():
            translate(country, language, phrasebook)
    return {c.code: c for c in Country.objects.filter(locale=english)}


def _child(parent, model, fields, **extra):
    page = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = model(locale=parent.locale, **fields, **extra)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _paragraphs(texts):
    return [("paragraph", RichText(f"<p>{text.strip()}</p>")) for text in texts]


def _appeal(campaign, fields, appeal_text):
    appeal = AppealPage.objects.child_of(campaign).filter(slug=fields["slug"]).first()
    if appeal is not None:
        return appeal
    page_fields = {k: v for k, v in fields.items() if k not in ("demand", "documents")}
    appeal = AppealPage(
        locale=campaign.locale,
        body=_paragraphs([*appeal_text, fields["demand"]]),
        **page_fields,
    )
    for document in fields["documents"]:
        title = document["title"]
        appeal.documents.add(
            AppealDocument(
                document=demo_document(document["file"], title, f"{title}. {appeal_text[1]}"),
                language=document["language"],
                locale=campaign.locale,
            )
        )
    campaign.add_child(instance=appeal)
    appeal.save_revision().publish()
    return appeal


def _material(campaign, fields):
    material = MaterialPage.objects.child_of(campaign).filter(slug=fields["slug"]).first()
    if material is not None:
        return material
    material = MaterialPage(
        locale=campaign.locale, **{k: v for k, v in fields.items() if k != "documents"}
    )
    for document in fields["documents"]:
        material.materials.add(
            MaterialDocument(
                document=demo_document(document["file"], document["title"], document["text"]),
                language=document["language"],
                description=document["description"],
                locale=campaign.locale,
            )
        )
    campaign.add_child(instance=material)
    material.save_revision().publish()
    return material


def _help_page(home, fields, countries):
    help_page = HelpPage.objects.child_of(home).first()
    if help_page is not None:
        return help_page
    help_page = HelpPage(locale=home.locale, **{k: v for k, v in fields.items() if k != "network"})
    for contact in fields["network"]:
        if contact["country"] not in countries:
            continue  # the knowledge base has not created this country (yet)
        help_page.network.add(
            NetworkContact(
                locale=home.locale,
                **{**contact, "country": countries[contact["country"]]},
            )
        )
    home.add_child(instance=help_page)
    help_page.save_revision().publish()
    return help_page


def _signatory(appeal, fields, status):
    # Signatories name any country by its ISO 3166-1 code (campaign/countries.py).
    country = fields["country"]
    name, website = fields["name"], fields["website"]
    # Whatever its status: running the loader again adds nothing.
    if not Signatory.objects.filter(
        appeal=appeal, name_key=normalise_name(name), country=country
    ).exists():
        Signatory.objects.create(
            appeal=appeal, name=name, country=country, website=website, status=status
        )


def load(context):
    content = data.campaign()
    phrasebooks = data.phrasebooks("campaign")
    user = context.get("user")
    home = context["homes"]["en"]
    countries = _countries(content, phrasebooks)

    def translate_everywhere(page):
        for language, phrasebook in phrasebooks.items():
            translate(page, language, phrasebook, user=user)

    campaign = _child(home, CampaignIndexPage, content["index"])
    translate_everywhere(campaign)

    appeals = {}
    for fields in content["appeals"]:
        appeal = _appeal(campaign, fields, content["appeal_text"])
        appeals[fields["slug"]] = appeal
        translate_everywhere(appeal)

    translate_everywhere(_material(campaign, content["material"]))

    fundraising = FundraisingPage.objects.child_of(campaign).first()
    if fundraising is None:
        fields = {k: v for k, v in content["fundraising"].items() if k != "supported_groups"}
        groups = content["fundraising"]["supported_groups"]
        fundraising = _child(
            campaign,
            FundraisingPage,
            fields,
            supported_groups=[("group", {**group, "url": ""}) for group in groups],
        )
    translate_everywhere(fundraising)

    help_page = _help_page(home, content["help"], countries)
    translate_everywhere(help_page)

    for appeal in appeals.values():
        for fields in content["signatories"]:
            _signatory(appeal, fields, Signatory.Status.APPROVED)
    _signatory(appeals["appeal-bundestag"], content["pending_signatory"], "pending")
    setup_signature_moderators()

    context["campaign"] = {"index": campaign, "appeals": appeals, "help": help_page}
