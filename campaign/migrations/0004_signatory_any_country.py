"""A signatory's country becomes an ISO 3166-1 code of any country (campaign/countries.py)
instead of a link to one of the knowledge base's countries.

Existing signatures keep their country: a state's code (RU, DE…) is taken as it is, an area's
code (UA-OCC) becomes its state's (UA), anything else is left empty. Should two signatures of
the same organisation then count as one (an approved one from "UA" and one from "UA-OCC"), the
later is rejected, as a moderator approving it now would be told to. Going back links each code
to the knowledge base's English country of that code, where there is one.
"""

from django.db import migrations, models

import django_countries.fields

import campaign.countries


def _iso_code(code):
    from django_countries.data import COUNTRIES

    code = (code or "").upper()
    if code in COUNTRIES:
        return code
    state = code.split("-", 1)[0]
    return state if state in COUNTRIES else ""


def codes_from_knowledge_countries(apps, schema_editor):
    Signatory = apps.get_model("campaign", "Signatory")
    seen_approved, seen_pending = set(), set()
    for signatory in Signatory.objects.select_related("country").order_by("submitted_at", "pk"):
        signatory.country_code = _iso_code(signatory.country.code if signatory.country else "")
        key = (signatory.appeal_id, signatory.name_key, signatory.country_code)
        if signatory.status == "approved":
            if key in seen_approved:
                signatory.status = "rejected"
            seen_approved.add(key)
        elif signatory.status == "pending":
            pending = (*key, signatory.website_key, signatory.contact_email)
            if pending in seen_pending:
                signatory.status = "rejected"
            seen_pending.add(pending)
        signatory.save(update_fields=["country_code", "status"])


def knowledge_countries_from_codes(apps, schema_editor):
    Signatory = apps.get_model("campaign", "Signatory")
    Country = apps.get_model("knowledge", "Country")
    english = {
        country.code.upper(): country
        for country in Country.objects.filter(locale__language_code="en")
    }
    for signatory in Signatory.objects.exclude(country_code=""):
        signatory.country = english.get(signatory.country_code)
        signatory.save(update_fields=["country"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0003_signatures_unique_when_approved"),
        ("knowledge", "0003_figure_block"),
    ]

    operations = [
        migrations.AddField(
            model_name="signatory",
            name="country_code",
            field=django_countries.fields.CountryField(
                blank=True,
                countries=campaign.countries.SignatoryCountries,
                help_text="Where the organisation is based.",
                max_length=2,
                verbose_name="country",
            ),
        ),
        migrations.RunPython(codes_from_knowledge_countries, knowledge_countries_from_codes),
        migrations.RemoveConstraint(
            model_name="signatory", name="unique_approved_signatory_name_country"
        ),
        migrations.RemoveConstraint(model_name="signatory", name="unique_pending_submission"),
        migrations.RemoveField(model_name="signatory", name="country"),
        migrations.RenameField(model_name="signatory", old_name="country_code", new_name="country"),
        migrations.AddConstraint(
            model_name="signatory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "approved")),
                fields=("appeal", "name_key", "country"),
                name="unique_approved_signatory_name_country",
            ),
        ),
        migrations.AddConstraint(
            model_name="signatory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "pending")),
                fields=("appeal", "name_key", "country", "website_key", "contact_email"),
                name="unique_pending_submission",
            ),
        ),
    ]
