"""Refuse logins after repeated failures, per username and per client address.

Neither Django nor Wagtail limits login attempts. ``ThrottledModelBackend``
replaces Django's ``ModelBackend``: it counts each failed login in Django's cache,
once for the username and once for the client address, for ``WINDOW`` seconds
from the first failure, and while either count is at its limit it refuses every
login for that username or from that address, whichever login view asks (the
admin's, or Wagtail's login for restricted pages). ``LoginForm``, the admin's
login form, says why instead of "didn't match". A successful login clears its
own username's count only: the address's count and other usernames' run on.
Wagtail's page passwords are counted the same way (``cms.page_passwords``).

Cache keys hold keyed hashes, never a username or an address in clear. Use a
cache shared by every process (Redis): with the local-memory cache each process
counts on its own.
"""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.forms import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext_lazy

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from caseblocks.client_address import client_network

DEFAULTS = {
    "USERNAME_FAILURES": 5,  # failed logins for one username within WINDOW
    "ADDRESS_FAILURES": 20,  # failed logins and page passwords from one client address
    "RESTRICTION_FAILURES": 10,  # wrong passwords for one restricted page (page_passwords)
    "WINDOW": 900,  # seconds, from the first failure counted
}
LIMITS = ("USERNAME_FAILURES", "ADDRESS_FAILURES", "RESTRICTION_FAILURES")


def get_setting(name):
    configured = getattr(settings, "CASEBOOK_LOGIN_THROTTLE", {})
    # A throttle that can be switched off is one a test, or a hurried deployment,
    # forgets to switch back on: limits can only be raised or lowered.
    if "ENABLED" in configured:
        raise ImproperlyConfigured(
            "CASEBOOK_LOGIN_THROTTLE has no ENABLED: the throttle cannot be "
            "switched off; raise its limits instead."
        )
    value = {**DEFAULTS, **configured}[name]
    if name in (*LIMITS, "WINDOW") and not (isinstance(value, int) and value >= 1):
        raise ImproperlyConfigured(
            f"CASEBOOK_LOGIN_THROTTLE[{name!r}] must be a whole number of 1 or more."
        )
    return value


def counter_key(scope, value):
    digest = salted_hmac(f"cms.login_throttle.{scope}", value, algorithm="sha256")
    return f"cms:login-failures:{scope}:{digest.hexdigest()}"


def counter_keys(request, username):
    """``{limit setting: cache key}`` for the username and the address, as known."""
    keys = {}
    if username:
        keys["USERNAME_FAILURES"] = counter_key("username", username.casefold())
    if request is not None:
        keys["ADDRESS_FAILURES"] = address_key(request)
    return keys


def address_key(request):
    return counter_key("address", client_network(request))


def over_limit(keys):
    """Whether any of ``{limit setting: cache key}`` has reached its limit.

    The extension point of the throttle: any view that checks a secret (a login,
    a page's password) refuses while this holds, and calls ``count_failure`` with
    the same keys after a wrong one.
    """
    counts = cache.get_many(list(keys.values()))
    return any(counts.get(key, 0) >= get_setting(limit) for limit, key in keys.items())


def count_failure(keys):
    window = get_setting("WINDOW")
    for key in keys.values():
        cache.add(key, 0, window)  # the window starts with the first failure
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)


def is_throttled(request, username):
    return over_limit(counter_keys(request, username))


class ThrottledModelBackend(ModelBackend):
    """Django's ``ModelBackend``, refusing while the username or address is over its limit."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if is_throttled(request, username):
            raise PermissionDenied  # ends authenticate(): no later backend is asked
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            count_failure(counter_keys(request, username))
        elif username:
            cache.delete(counter_key("username", username.casefold()))
        return user


class LoginForm(WagtailLoginForm):
    """The admin's login form, saying so when logins are refused for a while."""

    error_messages = {
        **WagtailLoginForm.error_messages,
        "throttled": ngettext_lazy(
            "Too many failed login attempts. Wait %(minutes)d minute, then try again.",
            "Too many failed login attempts. Wait %(minutes)d minutes, then try again.",
            "minutes",
        ),
    }

    def clean(self):
        if is_throttled(self.request, self.cleaned_data.get("username")):
            raise self.get_throttled_error()
        return super().clean()

    def get_throttled_error(self):
        return ValidationError(
            self.error_messages["throttled"],
            code="throttled",
            params={"minutes": math.ceil(get_setting("WINDOW") / 60)},
        )
