"""Fixtures for the action forms: a published case page carrying an action."""

import pytest
from django_tasks import default_task_backend

from django.core.cache import cache

from tests.factories import CasePageFactory
from tests.factories.blocks import target_ids

ACTION_ID = "elshibayev-2019"
TARGETS = [
    ("Press office", "press@akorda.kz"),
    ("Prosecutor General", "prokuror@prokuror.kz"),
]
LOOSE_LIMITS = {"ADDRESS": ["1000/60"], "EMAIL": ["1000/60"]}


def action_value(**overrides):
    """The action's raw value; its two targets are records (needs the database)."""
    if "targets" not in overrides:
        overrides["targets"] = target_ids(*TARGETS)
    value = {
        "action_id": ACTION_ID,
        "kind": "email",
        "subject": "Free Erzhan Elshibayev",
        "suggested_message": "I call on you to release Erzhan Elshibayev.",
        "consent_text": "I agree that my name is sent with this message.",
        "goal": 1000,
        "opens_at": None,
        "closes_at": None,
        "confirmation_text": "Thank you: your message is on its way.",
        "closed_text": "This campaign is concluded.",
    }
    return {**value, **overrides}


def publish_case(page_fields=None, **action_overrides):
    """A case page with one action form, published (so the signals run)."""
    page = CasePageFactory(
        live=False,
        body=[{"type": "action_form", "value": action_value(**action_overrides)}],
        **(page_fields or {}),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def supporter(**overrides):
    data = {
        "name": "Anna Rossi",
        "email": "anna.rossi@example.org",
        "country": "IT",
        "message": "",
        "consent": True,
        "newsletter": False,
    }
    return {**data, **overrides}


@pytest.fixture(autouse=True)
def actions_settings(settings):
    """Fresh rate-limit counters and loose limits; tests of the limits tighten them."""
    cache.clear()
    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": LOOSE_LIMITS}
    yield settings
    cache.clear()


@pytest.fixture
def action_page(db):
    return publish_case()


@pytest.fixture
def submit(client):
    """POST a submission as JSON; returns the response."""

    def post(data=None, action_id=ACTION_ID, **extra):
        return client.post(
            f"/api/v1/actions/{action_id}/submissions",
            data=supporter() if data is None else data,
            content_type="application/json",
            **extra,
        )

    return post


@pytest.fixture
def queued_tasks(settings):
    """Tasks are kept, not run: a test counts them, or delivery waits for the
    command or a worker."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()
    yield default_task_backend.results
    default_task_backend.clear()
