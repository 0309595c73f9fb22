"""The admin keeps Django's and Wagtail's protections: CSRF, cookies, passwords.

``tests/cms/test_plugin_seam.py::test_production_settings_pass_the_deploy_checks``
runs ``manage.py check --deploy --fail-level WARNING`` with production settings.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", PASSWORD
    )


@pytest.mark.django_db
def test_admin_login_refuses_a_post_without_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_login_accepts_the_token_of_its_form(editor):
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["httponly"]


@pytest.mark.django_db
def test_admin_changes_refuse_a_post_without_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        "/admin/users/new/",
        {"username": "intruder", "password1": "x", "password2": "x"},
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_admin_pages_cannot_be_framed(client):
    assert client.get("/admin/login/")["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("weak", ["password", "12345678", "iloveyou", "editor1", "abc"])
def test_weak_passwords_are_refused(weak, django_user_model):
    user = django_user_model(username="editor1", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(weak, user=user)


def test_a_strong_password_passes(django_user_model):
    user = django_user_model(username="editor1", email="editor@example.org")
    assert validate_password(PASSWORD, user=user) is None


@pytest.mark.django_db
def test_admin_user_form_refuses_a_weak_password(admin_client, django_user_model):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert "This password is too common" in response.content.decode()
    assert not django_user_model.objects.filter(username="newcomer").exists()


PRODUCTION_SETTINGS = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
    "AUTHENTICATION_BACKENDS",
    "WAGTAILADMIN_USER_LOGIN_FORM",
    "AUTH_PASSWORD_VALIDATORS",
]


def production_settings():
    """PRODUCTION_SETTINGS as ``cms.settings.production`` sets them, over Django's
    defaults, read in a fresh interpreter: loading that module here would change
    settings this process shares with it."""
    script = (
        "import json; from django.conf import global_settings as g; "
        "import cms.settings.production as p; "
        f"print(json.dumps({{n: getattr(p, n, getattr(g, n, None)) "
        f"for n in {PRODUCTION_SETTINGS!r}}}))"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
        "ALLOWED_HOSTS": "casebook.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_cookies_and_transport():
    values = production_settings()
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["AUTHENTICATION_BACKENDS"] == [
        "cms.login_throttle.ThrottledModelBackend"
    ]
    assert values["WAGTAILADMIN_USER_LOGIN_FORM"] == "cms.login_throttle.LoginForm"
    assert len(values["AUTH_PASSWORD_VALIDATORS"]) == 4
