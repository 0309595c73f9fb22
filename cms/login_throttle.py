"""Refuse logins after repeated failures, per username and per client address.

Neither Django nor Wagtail limits login attempts. ``ThrottledModelBackend``
replaces Django's ``ModelBackend``: it counts each failed login in Django's cache,
once for the username and once for the client address, for ``WINDOW`` seconds
from the first failure, and while either count is at its limit it refuses every
login for that username or from that address, whichever login view asks (the
admin's, or Wagtail's login for restricted pages). ``LoginForm``, the admin's
login form, says why instead of "didn't match". A successful login clears its
own username's count only: the address's count and other usernames' run on.

Cache keys hold keyed hashes, never a username or an address in clear. Use a
cache shared by every process (Redis): with the local-memory cache each process
counts on its own.
"""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.forms import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext_lazy

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

DEFAULTS = {
    "ENABLED": True,
    "USERNAME_FAILURES": 5,  # failed logins for one username within WINDOW
    "ADDRESS_FAILURES": 20,  # failed logins from one client address within WINDOW
    "WINDOW": 900,  # seconds, from the first failure counted
    "CLIENT_ADDRESS_HEADER": "",  # e.g. "HTTP_X_FORWARDED_FOR" behind a trusted proxy
}


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_LOGIN_THROTTLE", {})}[name]


def client_address(request):
    header = get_setting("CLIENT_ADDRESS_HEADER")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def counter_key(scope, value):
    digest = salted_hmac(f"cms.login_throttle.{scope}", value, algorithm="sha256")
    return f"cms:login-failures:{scope}:{digest.hexdigest()}"


def counter_keys(request, username):
    """``{limit setting: cache key}`` for the username and the address, as known."""
    keys = {}
    if username:
        keys["USERNAME_FAILURES"] = counter_key("username", username.casefold())
    if request is not None:
        keys["ADDRESS_FAILURES"] = counter_key("address", client_address(request))
    return keys


def is_throttled(request, username):
    if not get_setting("ENABLED"):
        return False
    keys = counter_keys(request, username)
    counts = cache.get_many(list(keys.values()))
    return any(counts.get(key, 0) >= get_setting(limit) for limit, key in keys.items())


def count_failure(request, username):
    window = get_setting("WINDOW")
    for key in counter_keys(request, username).values():
        cache.add(key, 0, window)  # the window starts with the first failure
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)


class ThrottledModelBackend(ModelBackend):
    """Django's ``ModelBackend``, refusing while the username or address is over its limit."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if is_throttled(request, username):
            raise PermissionDenied  # ends authenticate(): no later backend is asked
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            if get_setting("ENABLED"):
                count_failure(request, username)
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
