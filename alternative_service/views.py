"""The builder's form answer and the deadline calendars.

The answer to the form holds what a reader typed, for him only: it is rendered into the
response and nothing else. No database write, no cache entry (POST, `Cache-Control: no-store`,
outside the page cache and the content cache, which both serve GET only), no session, no
cookie (the form has no CSRF token, see `application`), no log line or error report with the
input (`sensitive_post_parameters`, and a failure is logged without its message or traceback).
tests/test_application_builder.py checks each of these after a submission.
"""

import datetime
import logging

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from . import application as filled
from .deadlines import next_deadline, occurrences, today_in
from .forms import ApplicationForm
from .models import ApplicationBuilderPage

logger = logging.getLogger(__name__)

# The calendar covers this year and the next two.
CALENDAR_YEARS = 3


def builder_context(page, request, form=None):
    from knowledge.review import review_settings_for

    max_age = review_settings_for(request).review_interval_days
    today = today_in(page.country.code)
    return {
        "form": form or ApplicationForm(builder=page),
        "next_deadline": next_deadline(page, today),
        "upcoming_deadlines": occurrences(page, today, today + datetime.timedelta(days=366)),
        "calendar_url": calendar_url(page.country.code),
        "all_calendars_url": reverse("alternative_service_calendar"),
        "application_url": reverse("alternative_service_application"),
        "review_overdue": page.is_review_overdue(max_age),
        "review_max_age_days": max_age,
    }


def calendar_url(country_code):
    return reverse("alternative_service_country_calendar", args=[country_code.lower()])


def _builders():
    """The live, public builder pages in the active language (private ones are in no
    calendar)."""
    return (
        ApplicationBuilderPage.objects.live()
        .public()
        .filter(locale__language_code=get_language())
        .select_related("country")
        .order_by("country__code")
    )


def builder_for(country):
    """The builder page for `country` (a Country in any language) in the active language."""
    return _builders().filter(country__translation_key=country.translation_key).first()


# Changes nothing (no write, nothing kept), so a forged cross-site post can do no harm, and the
# form must not carry a CSRF token: Django would set a CSRF cookie on the reader's browser.
@csrf_exempt
@sensitive_post_parameters()
def application(request):
    if request.method != "POST":
        # The answer exists only as the response to the reader's own post.
        return HttpResponseNotAllowed(["POST"])
    try:
        # Rendered here, not later by Django's handler, so that a template error is caught too.
        response = _answer(request).render()
    except (Http404, SuspiciousOperation):
        # A post over DATA_UPLOAD_MAX_MEMORY_SIZE and the like: Django's 400 page
        # (templates/400.html), logged without the body.
        raise
    except Exception as error:  # noqa: BLE001 -- logged without the input, see below
        # Neither the message nor the traceback's locals may reach a log: either can quote
        # what the reader typed.
        logger.error("The application builder failed (%s)", type(error).__name__)
        response = TemplateResponse(request, "500.html", status=500).render()
    response["Cache-Control"] = "no-store, private, max-age=0"
    return response


@sensitive_variables()
def _answer(request):
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError:
        raise Http404 from None
    page = _builders().filter(pk=page_id).first()
    if page is None:
        raise Http404
    form = ApplicationForm(request.POST, builder=page)
    if not form.is_valid():
        # Back to the form with everything typed and what to change.
        context = page.get_context(request, form=form)
        return TemplateResponse(request, page.get_template(request), context, status=400)
    context = page.get_context(request, form=form)
    context.update(
        application_html=filled.fill(page.application_template, filled.values(form)),
        attachments=form.chosen_attachments(),
        all_attachments=[block.value for block in page.attachments],
    )
    return TemplateResponse(request, "alternative_service/application.html", context)


def calendar(request, country_code=None):
    pages = list(_builders())
    if country_code is not None:
        pages = [page for page in pages if page.country.code.lower() == country_code]
        if not pages:
            raise Http404
    return HttpResponse(
        calendar_file(request, pages, country_code),
        content_type="text/calendar; charset=utf-8",
    )


def calendar_file(request, pages, country_code=None):
    """RFC 5545 text: a VEVENT (all day) for every deadline of `pages` this year and the next
    two, in the pages' language."""
    from icalendar import Calendar, Event

    language = get_language()
    cal = Calendar()
    cal.add("prodid", "-//#ObjectWarCampaign//Alternative service deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if country_code is not None and pages:
        name = _("Alternative service deadlines: %(country)s") % {"country": pages[0].country_name}
    else:
        name = _("Alternative service deadlines")
    cal.add("x-wr-calname", name)
    without = [page.country_name for page in pages if not len(page.deadlines)]
    if without:
        cal.add(
            "x-wr-caldesc",
            _(
                "No deadlines for %(countries)s: the sources we checked give none. Ask a "
                "counsellor before you apply."
            )
            % {"countries": ", ".join(without)},
        )
    this_year = timezone.localdate().year
    start = datetime.date(this_year, 1, 1)
    end = datetime.date(this_year + CALENDAR_YEARS - 1, 12, 31)
    for page in pages:
        stamp = page.last_published_at or timezone.now()
        url = page.get_full_url(request)
        positions = {block.id: n for n, block in enumerate(page.deadlines)}
        for deadline in occurrences(page, start, end):
            event = Event()
            position = positions.get(deadline.block_id, 0)
            event.add(
                "uid",
                f"acs-{page.country.code.lower()}-{deadline.date:%Y%m%d}-{position}-{language}"
                "@objectwarcampaign",
            )
            event.add("dtstamp", stamp.astimezone(datetime.UTC))
            event.add("dtstart", deadline.date)
            event.add("dtend", deadline.date + datetime.timedelta(days=1))
            event.add("summary", f"{page.country_name}: {deadline.label}")
            event.add(
                "description",
                _("For dispatch in %(dispatch)s. Source: %(source)s. How to apply: %(url)s")
                % {"dispatch": deadline.dispatch, "source": deadline.source, "url": url},
            )
            event.add("url", url)
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal.to_ical()
