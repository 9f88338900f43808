from django import template

from knowledge import glance

register = template.Library()


@register.filter
def penalty(rule):
    """'criminal penalty: 3–10 years imprisonment'"""
    return glance.describe_penalty(rule)


@register.filter
def rule_status(rule):
    """'in force since 24 September 2022'"""
    return glance.describe_status(rule)


@register.filter
def months(value):
    """21 → '21 months' (service lengths read best in months)"""
    return glance.months(value) if value else ""
