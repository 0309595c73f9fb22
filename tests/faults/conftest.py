"""Fixtures for the fault tests: a published action, loose limits, a held queue."""

import pytest
from django_tasks import default_task_backend

from django.core.cache import cache

from tests.caseblocks.conftest import ACTION_ID, LOOSE_LIMITS, publish_case, supporter

TARGETS = 2  # the action that publish_case places e-mails two targets


@pytest.fixture(autouse=True)
def loose_limits(settings):
    """Faults make clients try again: the rate limits must not be what answers."""
    cache.clear()
    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": LOOSE_LIMITS}
    yield settings
    cache.clear()


@pytest.fixture
def action_page(db):
    return publish_case()


@pytest.fixture
def held_tasks(settings):
    """Tasks are kept, not run: delivery waits for the command or a worker."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()
    yield default_task_backend.results
    default_task_backend.clear()


@pytest.fixture
def submit(client):
    """POST one supporter's submission as JSON; returns the response."""

    def post(**overrides):
        return client.post(
            f"/api/v1/actions/{ACTION_ID}/submissions",
            data=supporter(**overrides),
            content_type="application/json",
        )

    return post
