"""Wagtail's password form for restricted pages, throttled like the admin login.

Wagtail checks a page's password at ``/_util/authenticate_with_password/`` with
no limit of its own, and a session that passed it is then shown the page by API
v2 too. This view replaces Wagtail's at the same address (``cms/urls.py``): each
wrong password counts once for the restriction and once for the client address
(``cms.login_throttle``'s counters, ``RESTRICTION_FAILURES`` and
``ADDRESS_FAILURES`` within ``WINDOW``), and while either is at its limit no
password is checked, the right one included. A right password clears nothing:
the password is shared, so one visitor's success must not reset a guesser's count.
"""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from cms import login_throttle

TOO_MANY_REQUESTS = 429


def counter_keys(request, restriction):
    return {
        "RESTRICTION_FAILURES": login_throttle.counter_key(
            "restriction", str(restriction.pk)
        ),
        "ADDRESS_FAILURES": login_throttle.address_key(request),
    }


def throttled_message():
    minutes = math.ceil(login_throttle.get_setting("WINDOW") / 60)
    return ngettext(
        "Too many wrong passwords. Wait %(minutes)d minute, then try again.",
        "Too many wrong passwords. Wait %(minutes)d minutes, then try again.",
        minutes,
    ) % {"minutes": minutes}


class PasswordForm(PasswordViewRestrictionForm):
    """Wagtail's form, refusing without comparing while the throttle holds."""

    def __init__(self, *args, throttled=False, **kwargs):
        self.throttled = throttled
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if self.throttled:
            raise ValidationError(throttled_message(), code="throttled")
        return super().clean_password()


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's ``wagtail.views.authenticate_with_password``, throttled."""
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = PasswordForm(instance=restriction)
    throttled = False
    if request.method == "POST":
        keys = counter_keys(request, restriction)
        throttled = login_throttle.over_limit(keys)
        form = PasswordForm(request.POST, instance=restriction, throttled=throttled)
        if form.is_valid():
            return_url = form.cleaned_data["return_url"]
            if not url_has_allowed_host_and_scheme(
                return_url, request.get_host(), request.is_secure()
            ):
                return_url = settings.LOGIN_REDIRECT_URL
            restriction.mark_as_passed(request)
            return redirect(return_url)
        if not throttled:
            login_throttle.count_failure(keys)
    action_url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
    )
    response = page.serve_password_required_response(request, form, action_url)
    if throttled:
        response.status_code = TOO_MANY_REQUESTS
    return response
