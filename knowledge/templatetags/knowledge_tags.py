from django import template

from knowledge import glance

register = template.Library()


@register.filter
def penalty(rule):
    """'criminal penalty: 3–10 years imprisonment'"""
    return glance.describe_penalty(rule)


@register.filter
def facts(rule):
    """[(label, text)] for a rule's fact list: status, whom it concerns, legal basis…"""
    return glance.rule_facts(rule)
