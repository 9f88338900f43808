"""The admin form of the editors' search synonyms."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm


def country_choices():
    """The countries of the knowledge base by code, named in the admin's language."""
    from wagtail.models import Locale

    from knowledge.models import Country

    names = {}
    active = Locale.get_active().pk
    for code, name, locale_id in Country.objects.values_list("code", "name", "locale_id"):
        if locale_id == active or code not in names:
            names[code] = name
    return sorted(names.items(), key=lambda item: item[1])


class SearchSynonymForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("country")
        if field is not None:
            self.fields["country"] = forms.ChoiceField(
                choices=[("", "—")] + country_choices(),
                required=False,
                label=field.label,
                help_text=field.help_text,
            )
