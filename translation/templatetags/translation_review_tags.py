from django import template

from translation.guard import editor_props_for, may_publish
from translation.review import SUBMIT_FIELD, review_state

register = template.Library()


@register.inclusion_tag("translation/admin/translation_review_panel.html", takes_context=True)
def translation_review_panel(context, page):
    """The "Submit for review" panel of the translation editor (translation/review.py)."""
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
    convert to an alias): translation/guard.py."""
    return editor_props_for(props, user, instance)
