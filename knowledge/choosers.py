"""A chooser of the English countries, for the "Countries" fields of news and guides.

News items and guides are about the English Country rows (every translation of a news item
shares them, and readers see each name in their language): the chooser lists only those, and
searches them by name or code in the database (the search index has no code, and the database
search backend matches whole words only: "Bela" would not find Belarus).
"""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models.countries import Country


def english_countries():
    return Country.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class CountrySearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Name or code")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(Q(name__icontains=query) | Q(code__iexact=query))
        return objects


class EnglishCountriesMixin:
    filter_form_class = CountrySearchForm

    def get_object_list(self):
        return english_countries()

    @property
    def columns(self):
        return [*super().columns, Column("code", label=_("Code"))]


class ChooseView(EnglishCountriesMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(EnglishCountriesMixin, chooser_views.ChooseResultsView):
    pass


class ChosenMultipleView(chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return english_countries().filter(pk__in=pks)


class ChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        return english_countries().get(pk=pk)


class EnglishCountryChooserViewSet(ChooserViewSet):
    model = Country
    icon = "site"
    choose_one_text = _("Choose countries")
    page_title = _("Choose countries")
    per_page = 50
    # Only for the MultipleChooser of news and guides: profiles keep their own country chooser.
    register_widget = False
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


english_country_chooser = EnglishCountryChooserViewSet("english_countries")
