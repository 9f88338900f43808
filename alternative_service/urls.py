"""Language-prefixed (website/urls.py), before Wagtail's page serving: the form's answer and
the calendars are not pages, and Wagtail's URLs allow no ".ics"."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "alternative-service/application/",
        views.application,
        name="alternative_service_application",
    ),
    path("alternative-service/deadlines.ics", views.calendar, name="alternative_service_calendar"),
    path(
        "alternative-service/<slug:country_code>/deadlines.ics",
        views.calendar,
        name="alternative_service_country_calendar",
    ),
]
