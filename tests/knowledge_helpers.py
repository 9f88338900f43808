"""Helpers for knowledge-base tests: edit rules the way the page editor saves them."""

from knowledge.models import CountryProfilePage


def profile(slug="russia", language="en"):
    return CountryProfilePage.objects.get(slug=slug, locale__language_code=language)


def edit_rule_and_publish(page, rule_heading, user=None, **changes):
    """Change the rule called `rule_heading` in a new revision of `page` and publish it."""
    page = CountryProfilePage.objects.get(pk=page.pk)
    rules = list(page.rules.all())
    rule = next(r for r in rules if r.heading == rule_heading)
    for field, value in changes.items():
        setattr(rule, field, value)
    page.rules = rules
    page.save_revision(user=user).publish(user=user)
    return CountryProfilePage.objects.get(pk=page.pk)
