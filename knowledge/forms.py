"""Admin forms of the knowledge base shared with the news."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel

from core.widgets import MultipleChooser


def countries_panel(field_name="countries"):
    """The "Countries" field of a page as a searchable chooser of the English countries
    (knowledge/choosers.py), where Wagtail shows a `<select multiple>` of every country row
    of every language."""
    return FieldPanel(
        field_name,
        widget=MultipleChooser("english_countries:choose", add_label=_("Add countries")),
    )


class EnglishCountriesPageForm(WagtailAdminPageForm):
    """Pages tagged with countries take only the English Country rows: every translation of
    the page shares them (a synchronised field), and readers see the names in their language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("countries")
        if field is not None:
            field.queryset = field.queryset.filter(locale__language_code=settings.LANGUAGE_CODE)
