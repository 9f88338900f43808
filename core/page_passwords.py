"""Wagtail's password form of private pages, with a limit on wrong passwords.

Wagtail checks the shared password of a page (PageViewRestriction) as often as anyone posts
it: a script tried some 75 a second from one connection. After FAILURE_LIMIT wrong passwords
for one restriction within COOLOFF_SECONDS of the first, every post to it is refused until
that time is over, the right password too, with a message saying so. Counted per restriction,
not per address: none is stored, and a guesser with many addresses is the danger. Visitors who
passed before keep their access (it is in their session). The count is shared through the
cache and kept by each worker too (core/counters.py): while Redis is unreachable, each worker
still stops a guesser after FAILURE_LIMIT.
"""

import logging

from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from core import counters

logger = logging.getLogger(__name__)

FAILURE_LIMIT = 10
COOLOFF_SECONDS = 15 * 60


def _key(restriction_id):
    return f"page-password-failures:{restriction_id}"


def _locked(restriction_id):
    return counters.count(_key(restriction_id)) >= FAILURE_LIMIT


def _count_failure(restriction_id):
    if counters.increment(_key(restriction_id), COOLOFF_SECONDS) == FAILURE_LIMIT:
        logger.warning(
            "Page password of restriction %s refused for %s minutes after %s wrong passwords",
            restriction_id,
            COOLOFF_SECONDS // 60,
            FAILURE_LIMIT,
        )


@sensitive_post_parameters("password")
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view (same URL, website/urls.py), unless too many wrong passwords came."""
    if request.method == "POST" and _locked(page_view_restriction_id):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(request.POST, instance=restriction)
        form.cleaned_data, form._errors = {}, ErrorDict()  # the password is not checked
        form.add_error(
            None,
            _(
                "Too many wrong passwords have been entered for this page recently. Your "
                "password was not checked: please try again later."
            ),
        )
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
    else:
        response = wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        )
        if request.method == "POST" and response.status_code == 200:
            _count_failure(page_view_restriction_id)  # the form again: a wrong password
    patch_cache_control(response, private=True, no_store=True)
    return response
