"""Campaign: appeals and their signature form, material, help network, fundraising."""

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase

import pytest

from campaign.models import (
    AppealPage,
    CampaignIndexPage,
    FundraisingPage,
    HelpPage,
    MaterialDocument,
    MaterialPage,
    NetworkContact,
    Signatory,
    normalise_name,
    normalise_website,
)
from home.models import HomePage
from tests.builders.campaign import make_appeal, make_campaign, make_document, make_signatories
from tests.builders.news import make_country, make_site, publish

SIGN_RATE_LIMIT = 5  # the default (website/settings/base.py)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    return make_site(("en", "de", "ru"))


@pytest.fixture
def countries(db):
    return {
        "DE": make_country("DE", "Germany", {"ru": "Германия"}),
        "FR": make_country("FR", "France", {"ru": "Франция"}),
        "FI": make_country("FI", "Finland", {"ru": "Финляндия"}),
    }


@pytest.fixture
def appeals(site):
    campaign = make_campaign(site["en"])
    return make_appeal(campaign, translations=["ru"])


APPEAL_URL = "/en/test-campaign/test-appeal/"
SIGN_URL = APPEAL_URL + "sign/"


def signed(appeals):
    """Signatures of the test appeal (the demo appeals have their own)."""
    return Signatory.objects.filter(appeal=appeals["en"])


def valid_data(countries, **changes):
    data = {
        "name": "Peace Initiative Offenbach",
        "country": "DE",
        "website": "https://peace-offenbach.example.org",
        "contact_email": "secret.person@example.org",
        "consent": "on",
        "reference": "",
    }
    data.update(changes)
    return data


# --- the appeal page ---------------------------------------------------------------


@pytest.mark.django_db
def test_appeal_lists_approved_signatories_and_counts_them(client, appeals, countries):
    appeal = appeals["en"]
    make_signatories(appeal, 5, ["DE", "FR"])
    Signatory.objects.create(appeal=appeal, name="Waiting Org", country="FI")
    Signatory.objects.create(appeal=appeal, name="Rejected Org", country="FI", status="rejected")
    html = client.get(APPEAL_URL).content.decode()
    assert "<strong>5 organisations</strong> from 2 countries" in html
    assert "Organisation 000" in html and "Organisation 004" in html
    assert "Waiting Org" not in html and "Rejected Org" not in html
    assert "@example.org" not in html  # contact addresses are never shown
    assert f'href="{SIGN_URL}"' in html


@pytest.mark.django_db
def test_translations_show_the_same_signatories_with_country_names_translated(
    client, appeals, countries
):
    make_signatories(appeals["en"], 2, ["DE"])
    html = client.get("/ru/test-campaign/test-appeal/").content.decode()
    assert "<h3>Германия</h3>" in html
    assert "Organisation 001" in html


@pytest.mark.django_db
def test_appeal_page_sets_no_cookie_but_the_form_has_csrf(client, appeals):
    assert not client.get(APPEAL_URL).cookies
    response = client.get(SIGN_URL)
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


@pytest.mark.django_db
def test_posting_without_csrf_token_is_refused(appeals, countries):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SIGN_URL, valid_data(countries))
    assert response.status_code == 403
    assert not signed(appeals).exists()


# --- signing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_valid_signature_is_pending_until_approved(client, appeals, countries):
    response = client.post(SIGN_URL, valid_data(countries))
    assert response.status_code == 302
    assert response["Location"] == SIGN_URL + "thanks/"
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you" in thanks

    signatory = signed(appeals).get()
    assert signatory.status == Signatory.Status.PENDING
    assert signatory.appeal_id == appeals["en"].pk
    assert signatory.contact_email == "secret.person@example.org"
    html = client.get(APPEAL_URL).content.decode()
    assert "Peace Initiative Offenbach" not in html
    assert "<strong>0 organisations</strong>" in html

    signatory.status = Signatory.Status.APPROVED
    signatory.save()
    html = client.get(APPEAL_URL).content.decode()
    assert "Peace Initiative Offenbach" in html
    assert "<strong>1 organisation</strong> from 1 country" in html
    assert "secret.person" not in html


@pytest.mark.django_db
def test_signing_a_translation_signs_the_appeal(client, appeals, countries):
    response = client.post("/ru/test-campaign/test-appeal/sign/", valid_data(countries))
    assert response.status_code == 302
    assert response["Location"] == "/ru/test-campaign/test-appeal/sign/thanks/"
    assert signed(appeals).get().appeal_id == appeals["en"].pk


@pytest.mark.django_db
def test_invalid_signature_comes_back_with_what_was_typed(client, appeals, countries):
    data = valid_data(countries, contact_email="not-an-address", consent="")
    response = client.post(SIGN_URL, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html and "Please correct the fields marked below" in html
    assert 'value="Peace Initiative Offenbach"' in html
    assert 'value="https://peace-offenbach.example.org"' in html
    assert 'value="not-an-address"' in html
    assert '<option value="DE" selected>' in html
    assert "Enter a valid email address." in html
    assert not signed(appeals).exists()


def approve_all(appeals):
    signed(appeals).update(status=Signatory.Status.APPROVED)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {},  # exactly the same
        {"name": "  peace initiative OFFENBACH. ", "website": ""},  # same name and country
        {
            "name": "Friedensinitiative Offenbach",
            "website": "http://www.peace-offenbach.example.org/de/",
        },
    ],
)
def test_a_published_organisation_is_not_added_twice(client, appeals, countries, changes):
    assert client.post(SIGN_URL, valid_data(countries)).status_code == 302
    approve_all(appeals)
    response = client.post(SIGN_URL, valid_data(countries, **changes))
    assert response.status_code == 409
    assert "already among the signatories" in response.content.decode()
    assert signed(appeals).count() == 1


@pytest.mark.django_db
def test_a_pending_signature_is_not_revealed(client, appeals, countries):
    """Someone else's signature waiting for review: the form says nothing of it, and the
    new one waits beside it for the moderators."""
    assert client.post(SIGN_URL, valid_data(countries)).status_code == 302
    other = valid_data(countries, contact_email="someone.else@example.org")
    response = client.post(SIGN_URL, other)
    assert response.status_code == 302
    assert response["Location"].endswith("/sign/thanks/")
    assert signed(appeals).filter(status=Signatory.Status.PENDING).count() == 2


@pytest.mark.django_db
def test_the_same_submission_posted_twice_is_kept_once(client, appeals, countries):
    for _ in range(2):
        response = client.post(SIGN_URL, valid_data(countries))
        assert response.status_code == 302
        assert response["Location"].endswith("/sign/thanks/")
    assert signed(appeals).count() == 1


@pytest.mark.django_db
def test_a_rejected_squatter_does_not_block_the_real_organisation(client, appeals, countries):
    squatter = valid_data(countries, contact_email="squatter@example.net")
    assert client.post(SIGN_URL, squatter).status_code == 302
    signed(appeals).update(status=Signatory.Status.REJECTED)
    response = client.post(SIGN_URL, valid_data(countries))
    assert response.status_code == 302
    real = signed(appeals).get(status=Signatory.Status.PENDING)
    real.status = Signatory.Status.APPROVED
    real.full_clean()
    real.save()


@pytest.mark.django_db
def test_another_organisation_with_the_same_name_elsewhere_may_sign(client, appeals, countries):
    assert client.post(SIGN_URL, valid_data(countries)).status_code == 302
    approve_all(appeals)
    other = valid_data(countries, country="FR", website="")
    assert client.post(SIGN_URL, other).status_code == 302
    assert signed(appeals).count() == 2


@pytest.mark.django_db
def test_database_refuses_a_second_approved_signature(appeals, countries):
    """Two moderators approving duplicates at the same moment: the constraint stops it."""
    appeal = appeals["en"]
    approved = Signatory.Status.APPROVED
    Signatory.objects.create(appeal=appeal, name="Peace Org", country="DE", status=approved)
    Signatory.objects.create(appeal=appeal, name="PEACE  org!", country="DE")  # pending
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(appeal=appeal, name="PEACE  org!", country="DE", status=approved)
    Signatory.objects.create(
        appeal=appeal,
        name="A",
        country="FR",
        website="https://x.example.org",
        status=approved,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(
            appeal=appeal,
            name="B",
            country="FI",
            website="https://www.x.example.org/",
            status=approved,
        )


@pytest.mark.django_db
def test_a_moderator_is_told_when_approving_a_duplicate(appeals, countries, django_user_model):
    appeal = appeals["en"]
    Signatory.objects.create(appeal=appeal, name="Peace Org", country="DE", status="approved")
    duplicate = Signatory.objects.create(appeal=appeal, name="peace org", country="DE")
    moderator = django_user_model.objects.create_superuser("mod", "m@example.org", "pw-123456789")
    client = Client()
    client.force_login(moderator)
    url = f"/admin/snippets/campaign/signatory/edit/{duplicate.pk}/"
    form = {
        "appeal": appeal.pk,
        "name": "peace org",
        "country": "DE",
        "website": "",
        "contact_email": "",
        "status": "approved",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert "already approved for this appeal" in response.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.status == Signatory.Status.PENDING


@pytest.mark.django_db
def test_race_between_check_and_insert_keeps_one_submission(
    client, appeals, countries, monkeypatch
):
    assert client.post(SIGN_URL, valid_data(countries)).status_code == 302
    monkeypatch.setattr(Signatory, "duplicate_of", classmethod(lambda *args: None))
    response = client.post(SIGN_URL, valid_data(countries))
    assert response.status_code == 302
    assert signed(appeals).count() == 1


@pytest.mark.django_db
def test_honeypot_submissions_are_refused(client, appeals, countries):
    response = client.post(SIGN_URL, valid_data(countries, reference="http://spam.example"))
    assert response.status_code == 400
    assert not signed(appeals).exists()


@pytest.mark.django_db
def test_rate_limit_holds_per_address(client, appeals, countries):
    for n in range(SIGN_RATE_LIMIT):
        data = valid_data(countries, name=f"Org {n}", website=f"https://o{n}.example.org")
        assert client.post(SIGN_URL, data).status_code == 302
    data = valid_data(countries, name="One too many", website="")
    response = client.post(SIGN_URL, data)
    assert response.status_code == 429
    assert "Too many signatures" in response.content.decode()
    assert 'value="One too many"' in response.content.decode()
    assert signed(appeals).count() == SIGN_RATE_LIMIT
    # Another address may still sign.
    other = client.post(SIGN_URL, data, REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 302


@pytest.mark.django_db
def test_the_rate_limit_holds_while_redis_is_unreachable(appeals, countries, redis_unreachable):
    """The counts lived only in Redis: while it was away, a script could sign without end."""
    client = Client()
    for n in range(SIGN_RATE_LIMIT):
        data = valid_data(countries, name=f"Org {n}", website=f"https://o{n}.example.org")
        assert client.post(SIGN_URL, data).status_code == 302
    response = client.post(SIGN_URL, valid_data(countries, name="One too many", website=""))
    assert response.status_code == 429
    assert signed(appeals).count() == SIGN_RATE_LIMIT


@pytest.mark.django_db
def test_invalid_posts_do_not_use_up_the_limit(client, appeals, countries):
    for _ in range(SIGN_RATE_LIMIT * 3):
        client.post(SIGN_URL, valid_data(countries, contact_email="not-an-address"))
        client.post(SIGN_URL, valid_data(countries, reference="spam"))
    assert client.post(SIGN_URL, valid_data(countries)).status_code == 302


@pytest.mark.django_db
def test_behind_the_proxy_each_reader_has_their_own_limit(appeals, countries, settings):
    """Behind a same-host proxy every request comes from 127.0.0.1: the limit counts the
    client the proxy names, so one sender cannot shut the form for everyone."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    for n in range(SIGN_RATE_LIMIT):
        data = valid_data(countries, name=f"Org {n}", website=f"https://o{n}.example.org")
        response = proxy.post(SIGN_URL, data, HTTP_X_FORWARDED_FOR="203.0.113.9")
        assert response.status_code == 302
    data = valid_data(countries, name="Another reader", website="")
    assert proxy.post(SIGN_URL, data, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    assert proxy.post(SIGN_URL, data, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 302


@pytest.mark.django_db
def test_a_forwarded_for_header_from_elsewhere_is_not_believed(appeals, countries, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    sender = Client(REMOTE_ADDR="203.0.113.50")
    for n in range(SIGN_RATE_LIMIT):
        data = valid_data(countries, name=f"Org {n}", website=f"https://o{n}.example.org")
        forged = f"192.0.2.{n}"  # a new made-up client each time
        assert sender.post(SIGN_URL, data, HTTP_X_FORWARDED_FOR=forged).status_code == 302
    data = valid_data(countries, name="Still me", website="")
    assert sender.post(SIGN_URL, data, HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


@pytest.mark.django_db
def test_a_global_cap_holds_across_addresses(appeals, countries, settings):
    settings.SIGN_GLOBAL_RATE_LIMIT = 3
    for n in range(3):
        data = valid_data(countries, name=f"Org {n}", website=f"https://o{n}.example.org")
        assert Client(REMOTE_ADDR=f"192.0.2.{n}").post(SIGN_URL, data).status_code == 302
    data = valid_data(countries, name="Fourth", website="")
    assert Client(REMOTE_ADDR="192.0.2.99").post(SIGN_URL, data).status_code == 429


@pytest.mark.django_db
def test_rate_limit_stores_no_address(client, appeals, countries):
    client.post(SIGN_URL, valid_data(countries), REMOTE_ADDR="198.51.100.23")
    keys = list(cache._cache.keys())  # local-memory cache in the test settings
    assert keys and not any("198.51.100.23" in key for key in keys)


@pytest.mark.django_db
def test_closed_appeal_offers_no_form(client, appeals, countries):
    appeal = appeals["en"]
    appeal.signing_open = False
    publish(appeal)
    assert f'href="{SIGN_URL}"' not in client.get(APPEAL_URL).content.decode()
    html = client.get(SIGN_URL).content.decode()
    assert "no longer open" in html and "<form" not in html.split("<main", 1)[1]


def test_normalisation():
    assert normalise_name("  Connection e. V.") == normalise_name("connection e v")
    assert normalise_website("https://www.Example.org/de/") == "example.org"
    assert normalise_website("example.org") == "example.org"
    assert normalise_website("") == ""


# --- bounded queries ---------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_appeal_queries_do_not_grow_with_signatories(
    client, appeals, countries, django_assert_max_num_queries
):
    appeal = appeals["en"]
    appeal.documents.create(
        document=make_document("Appeal (EN)", "appeal-en.pdf"), language="en", locale=appeal.locale
    )
    make_signatories(appeal, 3, ["DE", "FR"])
    client.get(APPEAL_URL)
    small = count_queries(client, APPEAL_URL)
    signed(appeals).delete()
    make_signatories(appeal, 40, list(countries.values()))
    appeal.documents.create(
        document=make_document("Appeal (DE)", "appeal-de.pdf"), language="de", locale=appeal.locale
    )
    assert count_queries(client, APPEAL_URL) == small
    with django_assert_max_num_queries(22):
        client.get(APPEAL_URL)


# --- material, help, fundraising ---------------------------------------------------


@pytest.fixture
def material(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    campaign = make_campaign(site["en"])
    page = MaterialPage(title="Material", slug="material", locale=campaign.locale)
    for title, filename, language in [
        ("Leaflet", "leaflet-en.pdf", "en"),
        ("Poster", "poster-en.pdf", "en"),
        ("Листовка", "leaflet-ru.txt", "ru"),
        ("Flugblatt", "flugblatt-de.pdf", "de"),
    ]:
        page.materials.add(
            MaterialDocument(
                document=make_document(title, filename, b"x" * 2048),
                language=language,
                locale=campaign.locale,
            )
        )
    campaign.add_child(instance=page)
    return publish(page)


@pytest.mark.django_db
def test_material_is_grouped_by_language_with_size_and_type(client, material):
    html = client.get("/en/test-campaign/material/").content.decode()
    english, german, russian = (html.index(f'<h3 lang="{c}">') for c in ("en", "de", "ru"))
    assert english < german < russian  # the reader's language first
    assert html.index("Leaflet</a>") < german and html.index("Poster</a>") < german
    assert german < html.index("Flugblatt</a>") < russian < html.index("Листовка</a>")
    assert "(PDF, 2.0\xa0KB)" in html and "(TXT, 2.0\xa0KB)" in html


@pytest.mark.django_db
def test_material_in_german_lists_german_first(client, material):
    from tests.builders.news import translate_page

    translate_page(material.get_parent().specific, "de")
    translate_page(material, "de")
    html = client.get("/de/test-campaign/material/").content.decode()
    assert html.index('<h3 lang="de">') < html.index('<h3 lang="en">')


@pytest.fixture
def help_page(site, countries):
    page = HelpPage(
        title="Help",
        slug="test-help",
        locale=site["en"].locale,
        introduction="We help.",
        hotline_languages=["ru", "de"],
    )
    for name, code, languages in [
        ("Berlin counsellors", "DE", ["de", "ru"]),
        ("Helsinki counsellors", "FI", ["fi", "ru"]),
    ]:
        page.network.add(
            NetworkContact(
                name=name,
                country=countries[code],
                languages=languages,
                email=f"{code.lower()}@example.org",
                locale=site["en"].locale,
            )
        )
    site["en"].add_child(instance=page)
    return publish(page)


@pytest.mark.django_db
def test_help_page_shows_channels_and_network_filterable_by_country(client, help_page):
    html = client.get("/en/test-help/").content.decode()
    assert "Berlin counsellors" in html and "Helsinki counsellors" in html
    assert "Русский, Deutsch" in html  # hotline languages
    assert "Suomi, Русский" in html
    assert 'href="?country=FI"' in html
    html = client.get("/en/test-help/?country=FI").content.decode()
    assert "Helsinki counsellors" in html and "Berlin counsellors" not in html
    html = client.get("/en/test-help/?country=ZZ").content.decode()  # unknown: everything
    assert "Helsinki counsellors" in html and "Berlin counsellors" in html


@pytest.mark.django_db
def test_fundraising_progress_needs_no_javascript_or_inline_style(client, site):
    campaign = make_campaign(site["en"])
    page = FundraisingPage(
        title="Fundraising",
        slug="fundraising",
        locale=campaign.locale,
        introduction="Give.",
        target_amount=250_000,
        received_amount=200_000,
        account_holder="Connection e.V.",
        iban="DE00 0000 0000 0000 0000 00",
    )
    campaign.add_child(instance=page)
    publish(page)
    html = client.get("/en/test-campaign/fundraising/").content.decode()
    assert '<progress id="fundraising-progress-bar" max="250000" value="200000">' in html
    assert "200,000 euros of 250,000 euros" in html
    assert "80 % of the target" in html
    assert "DE00 0000 0000 0000 0000 00" in html
    main = html.split("<main", 1)[1]
    assert "<script" not in main and "style=" not in main


# --- page tree ---------------------------------------------------------------------


class CampaignPageTreeTests(WagtailPageTestCase):
    def test_campaign_pages_belong_under_the_campaign_section(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            CampaignIndexPage, {AppealPage, MaterialPage, FundraisingPage}
        )
        for page_type in (AppealPage, MaterialPage, FundraisingPage):
            self.assertAllowedParentPageTypes(page_type, {CampaignIndexPage})
            self.assertAllowedSubpageTypes(page_type, set())
        self.assertAllowedParentPageTypes(HelpPage, {HomePage})
        self.assertAllowedSubpageTypes(HelpPage, set())


# --- moderation in the admin -------------------------------------------------------


@pytest.mark.django_db
def test_editors_filter_pending_signatures_and_approve_them(
    client, appeals, countries, django_user_model
):
    appeal = appeals["en"]
    waiting = Signatory.objects.create(
        appeal=appeal, name="Waiting Org", country="DE", contact_email="w@example.org"
    )
    Signatory.objects.create(appeal=appeal, name="Approved Org", country="FR", status="approved")
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(admin)
    listing = client.get("/admin/snippets/campaign/signatory/", {"status": "pending"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Waiting Org" in html and "Approved Org" not in html

    edit_url = f"/admin/snippets/campaign/signatory/edit/{waiting.pk}/"
    form = client.get(edit_url)
    assert form.status_code == 200 and "w@example.org" in form.content.decode()
    response = client.post(
        edit_url,
        {
            "appeal": appeal.pk,
            "name": "Waiting Org",
            "country": "DE",
            "website": "",
            "contact_email": "w@example.org",
            "status": "approved",
        },
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Signatory.Status.APPROVED
    client.logout()
    assert "Waiting Org" in client.get(APPEAL_URL).content.decode()
