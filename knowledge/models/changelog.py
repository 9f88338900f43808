"""The public change log of legal rules (written when an English profile is published)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import ChoiceLabelMixin


class RuleChange(ChoiceLabelMixin, models.Model):
    """One entry of a profile's public change log, recorded when the English profile is
    published: a rule added, removed, or changed (and which of its parts)."""

    class Kind(models.TextChoices):
        ADDED = "added", _("added")
        REMOVED = "removed", _("removed")
        CHANGED = "changed", _("changed")

    # Written when a profile is published (knowledge/changelog.py), never in a form.
    profile_key = models.UUIDField(db_index=True, editable=False)  # the profile's translation_key
    rule_key = models.UUIDField(editable=False)  # the rule's translation_key
    heading = models.CharField(max_length=160, editable=False)  # the rule's English heading then
    topic = models.CharField(max_length=20, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, editable=False)
    fields = models.JSONField(default=list, blank=True, editable=False)
    changed_at = models.DateTimeField(db_index=True, editable=False)

    class Meta:
        ordering = ["-changed_at", "pk"]
        verbose_name = _("rule change")
        verbose_name_plural = _("rule changes")

    def __str__(self):
        return f"{self.heading}: {self.kind}"
