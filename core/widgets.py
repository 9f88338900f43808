"""Admin widgets shared by the apps."""

from django import forms
from django.urls import reverse

from wagtail.admin.staticfiles import versioned_static


class MultipleChooser(forms.SelectMultiple):
    """A many-to-many field as a list of the chosen items, with "Add" opening a Wagtail chooser
    modal (searchable, several at once) and a remove button per item, in place of a
    `<select multiple>` of every row (the news "Countries" field listed all 70 country rows of
    five languages). `chooser_url_name` names the choose view of a ChooserViewSet; the form
    field's queryset decides which items are valid.
    (core/static/core/admin/multiple-chooser.js)"""

    template_name = "core/widgets/multiple_chooser.html"

    def __init__(self, chooser_url_name, add_label, attrs=None):
        self.chooser_url_name = chooser_url_name
        self.add_label = add_label
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = [str(v) for v in (value or []) if v not in (None, "")]
        chosen = {}
        queryset = getattr(self.choices, "queryset", None)
        if queryset is not None and values:
            chosen = {str(item.pk): str(item) for item in queryset.filter(pk__in=values)}
        context["widget"].update(
            chooser_url=reverse(self.chooser_url_name),
            add_label=self.add_label,
            chosen=[(pk, chosen[pk]) for pk in values if pk in chosen],
        )
        return context

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                versioned_static("core/admin/multiple-chooser.js"),
            ],
            css={"all": [versioned_static("core/admin/multiple-chooser.css")]},
        )
