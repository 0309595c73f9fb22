"""Production refuses a cache that is not shared, and no limit can be switched off."""

import subprocess
import sys

import pytest

from cms.checks import check_shared_cache

from .test_plugin_seam import ROOT, clean_environ

PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
    "ALLOWED_HOSTS": "casebook.example.org",
    "DATABASE_URL": "sqlite:////tmp/never-created.sqlite3",
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
}


def production(*args, **env):
    """``manage.py *args`` with production settings and no REDIS_URL unless given."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **clean_environ("REDIS_URL", "CASEBOOK_SINGLE_PROCESS"),
            **PRODUCTION_ENV,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    result = production("check")
    assert result.returncode != 0
    assert "Set REDIS_URL" in result.stderr
    assert "CASEBOOK_SINGLE_PROCESS=true" in result.stderr


def test_one_process_on_purpose_starts_and_the_deploy_check_says_why():
    result = production("check", CASEBOOK_SINGLE_PROCESS="true")
    assert result.returncode == 0, result.stderr
    deploy = production(
        "check", "--deploy", "--fail-level", "WARNING", CASEBOOK_SINGLE_PROCESS="true"
    )
    assert deploy.returncode != 0
    assert "cms.W001" in deploy.stderr
    assert "Run exactly one process" in deploy.stderr


@pytest.mark.parametrize(
    ("backend", "ids"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", ["cms.E001"]),
        ("django.core.cache.backends.dummy.DummyCache", ["cms.E002"]),
        ("cms.cache.RedisCache", []),
    ],
)
def test_the_deploy_check_names_a_cache_that_is_not_shared(settings, backend, ids):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "redis://x"}}
    settings.CASEBOOK_SINGLE_PROCESS = False
    assert [message.id for message in check_shared_cache()] == ids


def test_the_single_process_setting_turns_the_error_into_a_warning(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    settings.CASEBOOK_SINGLE_PROCESS = True
    assert [message.id for message in check_shared_cache()] == ["cms.W001"]


def test_a_throttle_switched_off_fails_the_checks(settings):
    from cms.checks import check_login_throttle

    settings.CASEBOOK_LOGIN_THROTTLE = {"ENABLED": False}
    assert [message.id for message in check_login_throttle()] == ["cms.E003"]
    settings.CASEBOOK_LOGIN_THROTTLE = {"WINDOW": 60}
    assert check_login_throttle() == []


def test_a_rate_limit_switched_off_fails_the_checks(settings):
    from caseblocks.checks import check_rate_limits

    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": {"EMAIL": []}}
    assert [message.id for message in check_rate_limits()] == ["caseblocks.E001"]
    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": {"EMAIL": ["100000/60"]}}
    assert check_rate_limits() == []
