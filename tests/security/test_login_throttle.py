"""Failed logins are counted per username and per client address, then refused."""

import time

import pytest

from django.conf import settings as project_settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.core.exceptions import ImproperlyConfigured

from cms.login_throttle import ThrottledModelBackend

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"
THROTTLED = "Too many failed login attempts"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.CASEBOOK_LOGIN_THROTTLE = {
        "USERNAME_FAILURES": 3,
        "ADDRESS_FAILURES": 5,
        "WINDOW": 600,
    }


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", PASSWORD
    )


@pytest.fixture
def other(django_user_model):
    return django_user_model.objects.create_superuser(
        "other", "other@example.org", PASSWORD
    )


def log_in(client, username, password, address="198.51.100.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_on_by_default():
    assert project_settings.AUTHENTICATION_BACKENDS == [
        "cms.login_throttle.ThrottledModelBackend"
    ]
    assert project_settings.WAGTAILADMIN_USER_LOGIN_FORM == (
        "cms.login_throttle.LoginForm"
    )
    assert issubclass(ThrottledModelBackend, ModelBackend)


def test_a_right_password_gets_in(client, editor):
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_a_username_is_refused_after_its_failures(client, editor):
    for _ in range(3):
        response = log_in(client, "editor", "wrong")
        assert response.status_code == 200
        assert THROTTLED not in response.content.decode()
    # From another address, with the right password: still refused, and told why.
    response = log_in(client, "editor", PASSWORD, address="203.0.113.9")
    assert response.status_code == 200
    assert "Wait 10 minutes, then try again." in response.content.decode()
    assert not logged_in(client)


def test_an_address_is_refused_after_its_failures(client, editor, other):
    for n in range(5):
        log_in(client, f"nobody-{n}", "wrong")
    response = log_in(client, "other", PASSWORD)
    assert THROTTLED in response.content.decode()
    assert not logged_in(client)
    # Another address is not held back.
    assert log_in(client, "other", PASSWORD, address="203.0.113.9").status_code == 302


def test_another_users_success_resets_nothing(client, editor, other):
    for _ in range(3):
        log_in(client, "editor", "wrong", address="203.0.113.1")
    assert log_in(client, "other", PASSWORD, address="203.0.113.1").status_code == 302
    client.logout()
    response = log_in(client, "editor", PASSWORD, address="203.0.113.2")
    assert THROTTLED in response.content.decode()


def test_a_success_clears_its_own_username_count(client, editor):
    for _ in range(2):
        log_in(client, "editor", "wrong", address="203.0.113.1")
    assert log_in(client, "editor", PASSWORD, address="203.0.113.1").status_code == 302
    client.logout()
    for _ in range(2):
        log_in(client, "editor", "wrong", address="203.0.113.2")
    assert log_in(client, "editor", PASSWORD, address="203.0.113.3").status_code == 302


def test_usernames_are_counted_whatever_their_case(client, editor):
    for spelling in ("Editor", "EDITOR", "editor"):
        log_in(client, spelling, "wrong")
    response = log_in(client, "editor", PASSWORD, address="203.0.113.9")
    assert THROTTLED in response.content.decode()


def test_the_count_ends_with_its_window(client, editor, monkeypatch):
    for _ in range(3):
        log_in(client, "editor", "wrong")
    assert THROTTLED in log_in(client, "editor", PASSWORD).content.decode()
    later = time.time() + 601
    monkeypatch.setattr(locmem.time, "time", lambda: later)
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_restricted_page_login_is_refused_too(client, editor):
    """Wagtail's login for restricted pages authenticates through the same backend."""
    for _ in range(3):
        log_in(client, "editor", "wrong")
    response = client.post(
        "/_util/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    assert not logged_in(client)


def test_a_forged_forwarded_address_is_counted_as_the_client(client, other, settings):
    """Behind one proxy, the client's own X-Forwarded-For entries change nothing."""
    settings.CASEBOOK_CLIENT_ADDRESS = {"HEADER": "HTTP_X_FORWARDED_FOR"}
    for n in range(5):
        client.post(
            LOGIN,
            {"username": f"nobody-{n}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 192.0.2.7",
        )
    response = client.post(
        LOGIN,
        {"username": "other", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.1, 192.0.2.7",
    )
    assert THROTTLED in response.content.decode()
    assert not logged_in(client)


def test_ipv6_addresses_of_one_64_are_counted_together(client, other):
    for n in range(5):
        log_in(client, f"nobody-{n}", "wrong", address=f"2001:db8:7:8::{n + 1:x}")
    response = log_in(client, "other", PASSWORD, address="2001:db8:7:8::ffff")
    assert THROTTLED in response.content.decode()
    assert (
        log_in(client, "other", PASSWORD, address="2001:db8:7:9::1").status_code == 302
    )


def test_cache_keys_hold_neither_username_nor_address(client, editor):
    log_in(client, "editor", "wrong", address="198.51.100.77")
    keys = [key for key in cache._cache if "login-failures" in key]
    assert len(keys) == 2
    assert not [key for key in keys if "198.51.100.77" in key or "editor" in key]


@pytest.mark.parametrize(
    "configured",
    [{"ENABLED": False}, {"USERNAME_FAILURES": 0}, {"ADDRESS_FAILURES": None}],
)
def test_it_cannot_be_switched_off(client, editor, settings, configured):
    """Limits can be raised or lowered; a setting that would turn them off is refused."""
    settings.CASEBOOK_LOGIN_THROTTLE = configured
    with pytest.raises(ImproperlyConfigured):
        log_in(client, "editor", "wrong")


def test_the_refusal_is_translated():
    from django.utils import translation

    from cms.login_throttle import LoginForm

    message = LoginForm.error_messages["throttled"]

    with translation.override("it"):
        assert message % {"minutes": 15} == (
            "Troppi tentativi di accesso falliti. Attendi 15 minuti, poi riprova."
        )
    with translation.override("ru"):
        assert "21 минуту" in message % {"minutes": 21}
