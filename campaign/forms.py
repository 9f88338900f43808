"""The public form on which an organisation signs an appeal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .countries import SignatoryCountries


class SignatureForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        help_text=_("As it should appear in the list of signatories."),
    )
    # Every country (ISO 3166-1 code), named and sorted in the reader's language.
    country = forms.ChoiceField(
        label=_("Country"),
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
        self.fields["country"].choices = [("", _("Choose a country")), *SignatoryCountries()]

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("reference")))
