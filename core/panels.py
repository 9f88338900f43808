"""Admin panels shared by the apps."""

from wagtail.admin.panels import InlinePanel


class TitledInlinePanel(InlinePanel):
    """An InlinePanel whose rows are titled by one of their fields, e.g. a legal rule by its
    heading, where Wagtail titles them by position ("Rule 1" … "Rule 6"), which tells an
    editor looking for a rule nothing. A new row keeps the numbered title until it is saved.
    The title is shown by templates/wagtailadmin/panels/inline_panel_child.html."""

    def __init__(self, relation_name, title_field, **kwargs):
        self.title_field = title_field
        super().__init__(relation_name, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "title_field": self.title_field}

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None:
                return
            for child in self.children:
                # The submitted value after a failed save, else the saved one.
                child.title = child.form[self.panel.title_field].value() or ""
