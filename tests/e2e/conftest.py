"""Fixtures for real-browser tests: Playwright driving Debian's Chromium.

Every test in this folder is marked ``browser`` and gets a fresh browser context
(``page``) whose last screen is saved to ``test-artifacts/<test name>.png``.
``admin_login(user)`` signs a user in to the Wagtail admin on the live server;
``admin.py`` has the steps of editing that the tests share.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from django.contrib.auth import get_user_model

from tests.e2e.admin import ADMIN_PASSWORD, sign_in

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NO_BEACONS = "Object.defineProperty(navigator, 'sendBeacon', {value: () => true});"
# Playwright waits this long (ms) for an element or a navigation before failing.
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    # Playwright's sync API keeps an asyncio loop marked as running on this thread,
    # so Django's async-safety check would refuse ORM calls made by the test itself.
    # The test thread never runs async code, so lift the check while Playwright runs.
    expect.set_options(timeout=TIMEOUT_MS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback, settings, request):
    """A tab in a fresh context whose relative URLs resolve against the live server.

    The live server answers from another thread, so the test runs in a transactional
    database that starts with the rows migrations made (the root page, the site).
    That database is emptied when the test ends, so no request of the page may still
    be at the server then (see ``settle``).
    """
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None  # keep the browser off the network
    # The editor tells the server every so often that it is open; once, on opening,
    # is enough here.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 1000}
    )
    context.set_default_timeout(TIMEOUT_MS)
    # Leaving an editor sends a beacon to end its editing session, which Playwright
    # neither sees nor waits for: sent as the context closes, it would reach the
    # server as the database is being emptied. The session is only bookkeeping.
    context.add_init_script(NO_BEACONS)
    pending = set()
    context.on("request", lambda sent: pending.add(sent))
    context.on("requestfinished", lambda ended: pending.discard(ended))
    context.on("requestfailed", lambda ended: pending.discard(ended))
    page = context.new_page()
    yield page
    settle(page, pending)
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
    context.close()


def settle(page, pending, polls=100):
    """Wait (at most ``polls`` tenths of a second) until ``pending`` requests end."""
    for _poll in range(polls):
        if not pending:
            return
        page.wait_for_timeout(100)


@pytest.fixture
def admin_user(transactional_db):
    return get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password=ADMIN_PASSWORD
    )


@pytest.fixture
def admin_login(page):
    """Return a function that signs ``user`` in to the Wagtail admin in ``page``."""

    def login(user, password=ADMIN_PASSWORD):
        sign_in(page, user, password)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Casebook")
        return page

    return login
