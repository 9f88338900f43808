from django import template

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
