"""The application builder for alternative service (alternative_service/): the form's answer
is the reader's application, in Russian, with the next deadline; nothing the reader types is
kept anywhere (database, cache, logs, files, cookies); the page is legal content, published
only by the legal review; its deadlines are an iCalendar file."""

import datetime
import logging
import os
import re
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, Workflow
from wagtail_localize.models import StringSegment, TranslationSource

import pytest
from icalendar import Calendar

from alternative_service.deadlines import next_deadline
from alternative_service.models import ApplicationBuilderPage
from demo import data
from knowledge.reports import due_for_review
from knowledge.review import WORKFLOW_NAME

APPLICATION_URL = "/{}/alternative-service/application/"
# What a reader types: none of it may turn up anywhere but in the response.
MARK = "Zyxwvu"
ANSWERS = {
    "full_name": f"Иванов {MARK}name Иванович",
    "birth_date": "2007-03-15",
    "address": f"г. Тверь, ул. {MARK}street, д. 5",
    "commissariat": f"Центрального района г. {MARK}town",
    "grounds": "beliefs",
    "reasons": f"Я не могу брать в руки оружие.\r\n{MARK}reasons с детства.",
    "witnesses": f"Петров {MARK}witness, тел. 8-900-000-00-00",
}
CHANGED = "Changed since the last legal review"


def builder(language="en", country="RU"):
    return ApplicationBuilderPage.objects.get(locale__language_code=language, country__code=country)


def answers_for(page, **changes):
    return {"page": page.pk, "attachments": [b.id for b in page.attachments], **ANSWERS, **changes}


def post(page, language="en", client=None, **changes):
    return (client or Client()).post(APPLICATION_URL.format(language), answers_for(page, **changes))


@pytest.fixture
def russia(demo_content):
    return builder()


# --- the answer ---------------------------------------------------------------------------


def test_the_answer_is_the_application_in_russian_with_the_legal_basis(russia):
    response = post(russia)
    assert response.status_code == 200
    html = response.content.decode()
    sheet_tag = r'<section class="application-sheet" lang="ru" translate="no"[^>]*>'
    sheet = re.search(sheet_tag + r"(.*?)</section>", html, re.S)
    assert sheet, "the application carries lang=ru"
    text = sheet.group(1)
    assert "о замене военной службы по призыву альтернативной гражданской службой" in text
    assert "№\u00a0113-ФЗ «Об альтернативной гражданской службе»" in text
    assert f"от Иванов {MARK}name Иванович, 15 марта 2007 года рождения" in text
    assert "Несение военной службы противоречит моим убеждениям." in text
    assert f"Я не могу брать в руки оружие.<br>{MARK}reasons с детства." in text
    assert "1. Автобиография.<br>2. Характеристика с места работы или учёбы." in text


def test_the_answer_is_escaped(russia):
    html = post(russia, reasons="<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_empty_optional_answer_leaves_its_paragraph_out(russia):
    html = post(russia, witnesses="", attachments=[]).content.decode()
    assert "Лица, которые могут подтвердить" not in html
    assert "Приложения:" not in html


def test_the_answer_gives_the_next_deadline_what_to_bring_and_to_hand_it_in_in_person(russia):
    html = post(russia).content.decode()
    expected = next_deadline(russia, timezone.localdate())
    assert expected is not None
    assert f'<time datetime="{expected.date:%Y-%m-%d}">' in html
    assert f"for dispatch in {expected.dispatch}" in html
    assert "An autobiography" in html
    assert "in person" in html and "stamp" in html and "incoming number" in html


def test_the_next_deadline_follows_the_dispatch_periods(russia):
    on = {
        datetime.date(2026, 12, 1): (datetime.date(2027, 4, 1), "October–December 2027"),
        datetime.date(2027, 4, 1): (datetime.date(2027, 4, 1), "October–December 2027"),
        datetime.date(2027, 4, 2): (datetime.date(2027, 10, 1), "April–July 2028"),
        datetime.date(2027, 10, 2): (datetime.date(2028, 4, 1), "October–December 2028"),
    }
    for today, (deadline, dispatch) in on.items():
        found = next_deadline(russia, today)
        assert (found.date, found.dispatch) == (deadline, dispatch), today


def test_the_answer_is_in_the_readers_language_and_the_application_stays_russian(demo_content):
    page = builder("de")
    html = post(page, "de").content.decode()
    assert '<html lang="de"' in html
    assert "Ihr Antrag" in html
    assert "Persönlich" in html or "persönlich" in html
    assert "прошу заменить мне военную службу по призыву" in html
    assert page.application_template == builder("en").application_template


def test_belarus_gets_no_deadline_and_is_told_to_ask_a_counsellor(demo_content):
    page = builder(country="BY")
    form_page = Client().get(page.url).content.decode()
    assert "does not calculate one" in form_page
    assert "no calendar of deadlines" in form_page
    assert "do not say what to attach" in form_page
    assert "deadlines.ics" not in form_page
    # Only religion is a ground in Belarus.
    assert 'value="religion"' in form_page and 'value="beliefs"' not in form_page
    html = post(page, grounds="religion", attachments=[]).content.decode()
    assert "Next deadline" not in html
    assert "ask a counsellor" in html
    assert "№\u00a0276-З «Об альтернативной службе»" in html


# --- nothing is kept ----------------------------------------------------------------------


def row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 -- table names
            counts[table] = cursor.fetchone()[0]
        return counts


def files_under(*roots):
    found = set()
    for root in roots:
        if root and os.path.isdir(root):
            found |= {(str(p), p.stat().st_size) for p in Path(root).rglob("*") if p.is_file()}
    return found


def cache_contents():
    # The test settings' LocMemCache: its entries, as stored (pickled).
    return dict(cache._cache)


@pytest.fixture
def caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CONTENT_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_a_submission_keeps_nothing(russia, caches_on, caplog):
    client = Client()
    client.get(russia.url)  # the form page, as a reader opens it (and the caches fill)
    before = (
        row_counts(),
        cache_contents(),
        files_under(settings.MEDIA_ROOT, settings.STATIC_ROOT),
    )
    caplog.set_level(logging.DEBUG)

    response = post(russia, client=client)
    invalid = post(russia, client=client, reasons=MARK + "x" * 7000)  # refused, sent back

    assert response.status_code == 200 and invalid.status_code == 400
    assert MARK in response.content.decode() and MARK in invalid.content.decode()
    after = (row_counts(), cache_contents(), files_under(settings.MEDIA_ROOT, settings.STATIC_ROOT))
    assert after[0] == before[0], "no row added or removed in any table"
    assert after[1] == before[1], "the cache is unchanged"
    assert after[2] == before[2], "no file written"
    assert not any(MARK.encode() in value for value in cache._cache.values())
    assert MARK not in caplog.text
    for record in caplog.records:
        assert MARK not in str(record.args) and MARK not in record.getMessage()
    for answer in (response, invalid):
        assert not answer.cookies and "Set-Cookie" not in answer.headers
        assert "no-store" in answer["Cache-Control"] and "private" in answer["Cache-Control"]
    assert not client.cookies, "no session, no CSRF cookie"


def test_the_form_page_sets_no_cookie_and_the_browser_keeps_nothing(russia):
    response = Client().get(russia.url)
    html = response.content.decode()
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html
    form = re.search(r"<form method=\"post\"[^>]*>", html).group()
    assert 'autocomplete="off"' in form
    assert f'action="{APPLICATION_URL.format("en")}"' in form
    for name in ("full_name", "address", "commissariat", "reasons", "witnesses", "birth_date"):
        tag = re.search(rf'<(input|textarea)[^>]*name="{name}"[^>]*>', html).group()
        assert 'autocomplete="off"' in tag and 'spellcheck="false"' in tag, name
        assert "maxlength" not in tag, "a browser limit would cut a paste without a word"


def test_an_error_is_logged_without_the_input(russia, monkeypatch, caplog):
    from alternative_service import application

    def broken(template, answers):
        raise ValueError(f"cannot fill {answers['reasons']}")

    monkeypatch.setattr(application, "fill", broken)
    caplog.set_level(logging.DEBUG)
    response = post(russia)
    assert response.status_code == 500
    assert MARK not in response.content.decode()
    assert "ValueError" in caplog.text and MARK not in caplog.text
    assert "no-store" in response["Cache-Control"]


def test_the_answer_exists_only_as_the_answer_to_a_post(russia):
    response = Client().get(APPLICATION_URL.format("en"), answers_for(russia))
    assert response.status_code == 405


def test_an_overlong_answer_is_refused_with_what_was_typed(russia):
    response = post(russia, reasons="Слишком длинно. " + "я" * 7000)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please shorten this to at most 6000 characters" in html
    assert "Nothing has been sent or saved" in html
    assert f"Иванов {MARK}name Иванович" in html  # the other answers are still there
    assert "Слишком длинно. " in html


def test_a_body_over_the_upload_limit_gets_the_clear_400_page(russia, caplog):
    caplog.set_level(logging.DEBUG)
    response = post(russia, reasons=MARK + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    assert response.status_code == 400
    assert "Nothing has been saved" in response.content.decode()
    assert MARK not in caplog.text


def test_a_refusal_is_in_the_readers_language(demo_content):
    page = builder("ru")
    html = post(page, "ru", reasons="я" * 7000).content.decode()
    assert "Сократите текст до 6000 символов" in html


# --- legal review -------------------------------------------------------------------------


def test_nobody_gets_plain_publish_and_the_wording_is_not_offered_to_translators(
    russia, django_user_model
):
    chief = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client = Client()
    client.force_login(chief)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[russia.pk])).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    source = TranslationSource.objects.get_for_instance(russia)
    offered = {s.string.data for s in StringSegment.objects.filter(source=source)}
    assert "Application deadline for dispatch in the autumn period" in offered
    assert not any("ЗАЯВЛЕНИЕ" in text or text == "Автобиография." for text in offered)
    assert all(
        builder(lang).application_template == russia.application_template for lang in data.LANGUAGES
    )


def test_a_publication_outside_the_review_is_shown_to_readers_and_reviewers(russia):
    assert CHANGED not in Client().get(russia.url).content.decode()
    draft = ApplicationBuilderPage.objects.get(pk=russia.pk)
    draft.handing_in = "Changed by a script."
    draft.save_revision().publish()

    html = Client().get(russia.url).content.decode()
    assert CHANGED in html
    tasks = [task for task in due_for_review(180) if task.page_id == russia.pk]
    assert tasks and CHANGED in tasks[0].reasons


def test_approval_publishes_it(russia, django_user_model):
    from django.contrib.auth.models import Group

    from knowledge.review import REVIEWERS_GROUP

    reviewer = django_user_model.objects.create_user("reviewer", password="pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    draft = ApplicationBuilderPage.objects.get(pk=russia.pk)
    draft.handing_in = "Reviewed wording."
    revision = draft.save_revision(user=reviewer)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(draft, reviewer)
    client = Client()
    client.force_login(reviewer)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[russia.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    page = ApplicationBuilderPage.objects.get(pk=russia.pk)
    assert page.live_revision_id == revision.pk == page.reviewed_revision_id
    assert Revision.objects.get(pk=revision.pk).content["last_reviewed"]
    assert "Reviewed wording." in Client().get(page.url).content.decode()


def test_the_wording_must_use_known_placeholders(russia):
    from django.core.exceptions import ValidationError

    page = ApplicationBuilderPage.objects.get(pk=russia.pk)
    page.application_template = "От {name}: {reason}"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    message = str(error.value)
    assert "{reason}" in message and "{reasons}" in message


# --- calendars ----------------------------------------------------------------------------


def parsed(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    lines = body.split(b"\r\n")
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines), "lines folded at 75 octets"
    return Calendar.from_ical(body)


def test_the_russian_calendar_has_the_deadlines_of_next_year(demo_content):
    year = timezone.localdate().year + 1  # 2027 in December 2026
    calendar = parsed(Client().get("/ru/alternative-service/ru/deadlines.ics"))
    events = list(calendar.walk("VEVENT"))
    days = sorted(event.decoded("dtstart") for event in events)
    assert [d for d in days if d.year == year] == [
        datetime.date(year, 4, 1),
        datetime.date(year, 10, 1),
    ]
    assert all(type(day) is datetime.date for day in days), "all-day events (VALUE=DATE)"
    assert len({str(event["uid"]) for event in events}) == len(events)
    first = next(e for e in events if e.decoded("dtstart") == datetime.date(year, 4, 1))
    assert str(first["summary"]).startswith("Россия: Срок подачи заявления")
    assert f"октябрь–декабрь {year}" in str(first["description"])
    assert str(first["url"]).endswith(builder("ru").url)
    assert first.decoded("dtstamp").tzinfo is not None


def test_uids_stay_the_same_from_one_download_to_the_next(demo_content):
    def uids():
        calendar = parsed(Client().get("/en/alternative-service/ru/deadlines.ics"))
        return [str(e["uid"]) for e in calendar.walk("VEVENT")]

    assert uids() == uids()


def test_belarus_calendar_has_no_events_and_says_why(demo_content):
    calendar = parsed(Client().get("/en/alternative-service/by/deadlines.ics"))
    assert not list(calendar.walk("VEVENT"))
    assert "Ask a counsellor" in str(calendar["x-wr-caldesc"])


def test_the_calendar_of_all_countries_and_unknown_countries(demo_content):
    calendar = parsed(Client().get("/uk/alternative-service/deadlines.ics"))
    summaries = {str(e["summary"]).split(":")[0] for e in calendar.walk("VEVENT")}
    assert summaries == {"Росія"}
    assert Client().get("/en/alternative-service/ua/deadlines.ics").status_code == 404


def test_the_calendar_is_cacheable(demo_content, caches_on):
    client = Client()
    first = client.get("/en/alternative-service/ru/deadlines.ics")
    second = client.get("/en/alternative-service/ru/deadlines.ics")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert not first.cookies


def test_profiles_and_builders_link_to_the_calendar(demo_content):
    russia = Client().get("/en/knowledge/russia/").content.decode()
    assert builder().url in russia
    assert 'href="/en/alternative-service/ru/deadlines.ics"' in russia
    belarus = Client().get("/en/knowledge/belarus/").content.decode()
    assert builder(country="BY").url in belarus
    assert "/by/deadlines.ics" not in belarus
    page = Client().get(builder().url).content.decode()
    assert 'href="/en/alternative-service/ru/deadlines.ics"' in page
    assert 'rel="alternate" type="text/calendar"' in page


@pytest.mark.django_db
def test_a_deadline_day_ends_at_midnight_in_moscow_not_on_the_server(russia, settings):
    """At 00:30 in Moscow on 2 April the April deadline has passed, although the server
    (Europe/Berlin, 22:30 on 1 April) still has the 1st."""
    import datetime
    from unittest import mock

    from alternative_service.deadlines import today_in

    moscow_half_past_midnight = datetime.datetime(2027, 4, 1, 21, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moscow_half_past_midnight):
        assert timezone.localdate() == datetime.date(2027, 4, 1)  # the server's zone
        assert today_in("RU") == datetime.date(2027, 4, 2)
        found = next_deadline(russia, today_in("RU"))
    assert found.date == datetime.date(2027, 10, 1)
