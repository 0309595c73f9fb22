"""The core (cms, caseblocks) runs without the search and translation plugins."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_PACKAGES = ["cms", "caseblocks"]
# The translation glue is a plugin that happens to live under cms/.
PLUGIN_PATHS = [ROOT / "cms" / "translation", ROOT / "cms" / "settings"]
PLUGIN_MODULES = ("search", "elasticsearch", "cms.translation")


def core_modules():
    for package in CORE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if not any(path.is_relative_to(p) for p in PLUGIN_PATHS):
                yield path


def imported_names(tree, top_level_only):
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def is_within(name, modules):
    return any(name == m or name.startswith(m + ".") for m in modules)


def test_core_never_imports_the_plugins():
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(), filename=str(path))
        for name in imported_names(tree, top_level_only=False):
            if is_within(name, PLUGIN_MODULES):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
        # Blocks may speak wagtail-localize's protocol, but only when it calls them.
        for name in imported_names(tree, top_level_only=True):
            if is_within(name, ("wagtail_localize",)):
                offenders.append(f"{path.relative_to(ROOT)}: {name} at import time")
    assert offenders == []


def test_the_import_scan_catches_a_plugin_import():
    tree = ast.parse("def f():\n    from search.documents import x\n")
    assert list(imported_names(tree, top_level_only=False)) == ["search.documents"]


# Set by the browser tests while Chromium runs; a deployment never has it.
TEST_ONLY_ENV = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environ(*drop):
    return {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV | set(drop)}


def manage(*args, settings, extra_env=None):
    env = {**clean_environ(), "DJANGO_SETTINGS_MODULE": settings, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_core_settings_leave_the_plugins_out():
    from cms.settings import core

    for app in (
        "search",
        "wagtail_localize",
        "wagtail_localize.locales",
        "cms.translation",
    ):
        assert app not in core.INSTALLED_APPS
    assert "wagtail.locales" in core.INSTALLED_APPS


def test_project_checks_and_migrates_without_the_plugins(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'core.sqlite3'}"}
    result = manage(
        "migrate", "--no-input", "-v0", settings="cms.settings.core", extra_env=env
    )
    assert result.returncode == 0, result.stderr
    result = manage("check", settings="cms.settings.core", extra_env=env)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_environment(missing):
    env = {
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "casebook.example.org",
        "DATABASE_URL": "sqlite:////tmp/never-created.sqlite3",
    }
    env.pop(missing)
    clean_env = clean_environ(missing)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean_env, **env, "DJANGO_SETTINGS_MODULE": "cms.settings.production"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_settings_pass_the_deploy_checks():
    env = {
        "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
        "ALLOWED_HOSTS": "casebook.example.org",
        "DATABASE_URL": "postgres://casebook@127.0.0.1:5432/casebook",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
    }
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="cms.settings.production",
        extra_env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_reads_the_proxy_header_from_the_environment():
    env = {
        "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
        "ALLOWED_HOSTS": "casebook.example.org",
        "DATABASE_URL": "sqlite:////tmp/never-created.sqlite3",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        "CLIENT_ADDRESS_HEADER": "HTTP_X_FORWARDED_FOR",
        "CLIENT_ADDRESS_TRUSTED_PROXIES": "2",
        "CLIENT_ADDRESS_IPV6_PREFIX": "56",
    }
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from caseblocks.conf import get_setting;"
        "from caseblocks import client_address as c;"
        "print(c.get_setting('HEADER'), get_setting('RETENTION_DAYS'),"
        "c.get_setting('TRUSTED_PROXIES'), c.get_setting('IPV6_PREFIX'))",
        settings="cms.settings.production",
        extra_env=env,
    )
    assert result.returncode == 0, result.stderr
    # The rest of the defaults stay.
    assert result.stdout.split() == [
        "HTTP_X_FORWARDED_FOR",
        "730",
        "2",
        "56",
    ]
