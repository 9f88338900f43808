"""A multiple-choice model field stored as comma-separated codes.

Portable across SQLite and PostgreSQL (no ArrayField) and filterable with
`__contains` because no code is part of another.
"""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext


class MultipleChoiceField(models.CharField):
    def __init__(self, *args, choices=(), **kwargs):
        self.multiple_choices = list(choices)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.multiple_choices
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return [part for part in str(value).split(",") if part]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return ",".join(value)
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {code for code, _label in self.multiple_choices}
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise ValidationError(
                gettext("Unknown choice: %(choices)s") % {"choices": ", ".join(unknown)},
                code="invalid_choice",
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.multiple_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            # capfirst keeps the label lazy: the form class is built once, for every language.
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


@functools.cache
def _translated_labels(source, language):
    # Keyed by the Choices class or the model field itself: hashing the lazy labels would
    # translate them all, which is what this avoids.
    choices = source.choices if isinstance(source, type) else source.flatchoices
    return {value: str(label) for value, label in choices}


def choice_labels(source):
    """{value: label in the active language} of a Choices class or a model field with
    choices, translated once per language and process: a country profile shows ~150 labels,
    and translating each lazy label every time cost about 2 ms of the page."""
    return _translated_labels(source, get_language())


class ChoiceLabelMixin:
    """get_FOO_display() from choice_labels().

    Django's version builds a dict of all the field's choices per call, hashing each lazy
    label and so translating it: a country profile called it about 30 times and translated
    ~250 labels to show 30.
    """

    def _get_FIELD_display(self, field):  # noqa: N802 -- Django's name, overridden
        value = getattr(self, field.attname)
        return choice_labels(field).get(value, value)
