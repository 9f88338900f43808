"""The public form on which an organisation signs an appeal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.queries import localized_country_names


class CountryChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, names=None, **kwargs):
        self.names = names or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.names.get(obj.pk, obj.name)


class SignatureForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        help_text=_("As it should appear in the list of signatories."),
    )
    country = CountryChoiceField(
        label=_("Country"),
        queryset=None,
        empty_label=_("Choose a country"),
        help_text=_("Where the organisation is based."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("Optional. Shown as a link next to the name."),
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail address"),
        help_text=_("Only for questions about the signature; never published."),
    )
    consent = forms.BooleanField(
        label=_("I may sign on behalf of this organisation."),
        help_text=_("The signature is published after the campaign team has checked it."),
    )
    # A field people do not see (visually hidden and skipped by screen readers):
    # bots that fill in every field give themselves away.
    reference = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from knowledge.models import Country

        countries = list(Country.objects.filter(locale__language_code="en").order_by("code"))
        names = localized_country_names(countries)
        field = self.fields["country"]
        field.names = names
        field.queryset = Country.objects.filter(pk__in=[c.pk for c in countries])
        # Sorted by the name the reader sees.
        field.choices = [("", field.empty_label)] + sorted(
            ((c.pk, names[c.pk]) for c in countries), key=lambda choice: choice[1]
        )

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("reference")))
