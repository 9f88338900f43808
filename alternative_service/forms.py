"""The reader's answers. Nothing here is saved: the form only checks them for the response."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Limits a real answer stays well inside; a longer one is refused with a message and the
# form comes back with everything typed (no browser-side maxlength: it would cut a paste).
LIMITS = {
    "full_name": 200,
    "address": 400,
    "commissariat": 300,
    "reasons": 6000,
    "witnesses": 2000,
}

GROUNDS_LABELS = {
    "beliefs": _("My beliefs are contrary to military service"),
    "religion": _("My religion is contrary to military service"),
    "indigenous": _("I belong to an indigenous small people"),
}

# Nothing a reader types is kept by the browser's form history, nor sent to a spell-check
# service (Chromium's enhanced spell check sends typed text to Google). A phone keyboard may
# still learn the words: the page advises a private window, which keyboards respect.
PRIVATE_INPUT = {"autocomplete": "off", "spellcheck": "false"}


def _text(label, name, help_text="", required=True, rows=None):
    attrs = dict(PRIVATE_INPUT)
    widget = forms.Textarea(attrs={**attrs, "rows": rows}) if rows else forms.TextInput(attrs)
    field = forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=LIMITS[name],
        widget=widget,
        error_messages={
            "max_length": _(
                "Please shorten this to at most %(limit_value)d characters (it has "
                "%(show_value)d). Nothing has been sent or saved."
            )
        },
    )
    return field


class ApplicationForm(forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput)
    full_name = _text(
        _("Full name"), "full_name", _("Surname, first name and patronymic, as in your passport.")
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={**PRIVATE_INPUT, "type": "date"}, format="%Y-%m-%d"),
    )
    address = _text(
        _("Address"), "address", _("Where you live, as registered with the commissariat."), rows=2
    )
    commissariat = _text(_("Where you hand it in"), "commissariat")
    grounds = forms.ChoiceField(label=_("Kind of reasons"), widget=forms.RadioSelect)
    reasons = _text(_("Your reasons"), "reasons", rows=10)
    witnesses = _text(
        _("People who can confirm your reasons"),
        "witnesses",
        _("Optional. Names and how to reach them; ask them first."),
        required=False,
        rows=3,
    )
    attachments = forms.MultipleChoiceField(
        label=_("What you will attach"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, builder, **kwargs):
        super().__init__(*args, **kwargs)
        self.builder = builder
        self.fields["page"].initial = builder.pk
        self.fields["grounds"].choices = [
            (code, GROUNDS_LABELS[code])
            for code, wording in builder.grounds_choices_ru().items()
            if wording.strip()
        ]
        self.fields["commissariat"].help_text = builder.authority_help
        self.fields["reasons"].help_text = builder.reasons_help
        self.fields["attachments"].choices = [
            (block.id, block.value["label"]) for block in builder.attachments
        ]
        for field in self.fields.values():
            # Django adds maxlength to text inputs; see LIMITS.
            field.widget.attrs.pop("maxlength", None)

    def chosen_attachments(self):
        chosen = set(self.cleaned_data.get("attachments") or [])
        return [block.value for block in self.builder.attachments if block.id in chosen]
