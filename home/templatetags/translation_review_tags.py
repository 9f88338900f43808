from django import template

from home.translation_guard import editor_props_for, may_publish
from home.translation_review import SUBMIT_FIELD, review_state

register = template.Library()


@register.inclusion_tag("home/admin/translation_review_panel.html", takes_context=True)
def translation_review_panel(context, page):
    """The "Submit for review" panel of the translation editor (home/translation_review.py)."""
    request = context["request"]
    return {
        **review_state(page, request.user),
        "page": page,
        "submit_field": SUBMIT_FIELD,
        "csrf_token": context.get("csrf_token"),
        "next_url": request.get_full_path(),
    }


@register.filter
def may_be_published_by(instance, user):
    return may_publish(user, instance)


@register.simple_tag
def translation_editor_props(props, user, instance):
    """The translation editor's data without the actions `user` may not take (a link to
    convert to an alias): home/translation_guard.py."""
    return editor_props_for(props, user, instance)
