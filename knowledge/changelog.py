"""The public change log: what changed in a profile's rules, and when.

Recorded automatically on publish by comparing the rules of the new revision with
those of the previously published one, so editors never keep it by hand.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageLogEntry

from core.content_cache import content_lookup

from .models.changelog import RuleChange

# What readers are told changed, per group of rule fields.
FIELD_GROUPS = {
    "status": (_("status"), ["status", "status_since"]),
    "penalty": (
        _("penalty"),
        [
            "penalty_kind",
            "prison_min_months",
            "prison_max_months",
            "death_penalty",
            "fine",
            "other_consequences",
        ],
    ),
    "legal_basis": (_("legal basis"), ["legal_act", "article"]),
    "rights": (
        _("availability of the right"),
        ["availability", "available_until", "service_months"],
    ),
    "scope": (_("whom it concerns"), ["applies_to", "topic"]),
    "text": (_("explanation"), ["heading", "summary"]),
    "sources": (_("sources"), ["sources"]),
}
FIELD_LABELS = {group: label for group, (label, _names) in FIELD_GROUPS.items()}


def field_labels(change):
    """What readers are told changed in `change` (a RuleChange of kind "changed")."""
    return [FIELD_LABELS[group] for group in change.fields if group in FIELD_LABELS]


def _rules_of(revision):
    # Round-trip through JSON: a revision fresh from save_revision() holds dates and
    # UUIDs as objects, one loaded from the database holds them as strings.
    rules = json.loads(json.dumps(revision.content.get("rules") or [], cls=DjangoJSONEncoder))
    return {str(r["translation_key"]): r for r in rules}


def _changed_groups(old, new):
    return [
        group
        for group, (_label, names) in FIELD_GROUPS.items()
        if any(old.get(name) != new.get(name) for name in names)
    ]


def record_rule_changes(page, revision):
    """Compare `revision` with the previously published revision of `page`; store the
    differences as RuleChange rows. Only the source language is recorded: translations
    follow it."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return []
    previous_log = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    if previous_log is None:
        return []
    old, new = _rules_of(previous_log.revision), _rules_of(revision)

    def change(kind, key, rule, fields=()):
        return RuleChange(
            profile_key=page.translation_key,
            rule_key=key,
            heading=rule["heading"],
            topic=rule["topic"],
            kind=kind,
            fields=list(fields),
            # When readers could first see it: a draft may wait long in the legal review.
            changed_at=page.last_published_at or revision.created_at,
        )

    changes = [
        change(RuleChange.Kind.ADDED, key, rule) for key, rule in new.items() if key not in old
    ]
    for key, rule in new.items():
        groups = _changed_groups(old[key], rule) if key in old else []
        if groups:
            changes.append(change(RuleChange.Kind.CHANGED, key, rule, groups))
    changes += [
        change(RuleChange.Kind.REMOVED, key, rule) for key, rule in old.items() if key not in new
    ]
    return RuleChange.objects.bulk_create(changes)


def changes_for_profile(profile, limit=20):
    """Change-log entries for readers, with rule headings in the profile's language."""
    changes = _rule_changes(profile.translation_key, limit)
    headings = {str(rule.translation_key): rule.heading for rule in profile.ordered_rules}
    for change in changes:
        change.local_heading = headings.get(str(change.rule_key), change.heading)
        change.field_labels = field_labels(change)
        change.anchor = f"rule-{change.rule_key}" if str(change.rule_key) in headings else ""
    return changes


@content_lookup("rule-changes")
def _rule_changes(profile_key, limit):
    return list(RuleChange.objects.filter(profile_key=profile_key)[:limit])
