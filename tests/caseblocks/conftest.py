"""Fixtures for the action forms: a published case page carrying an action."""

import re
import time
from types import SimpleNamespace

import pytest
from django_tasks import default_task_backend

from django.core import mail
from django.core.cache import cache

from caseblocks.actions import confirmation, ratelimits
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
def actions_settings(settings, monkeypatch):
    """Fresh rate-limit counters and loose limits; tests of the limits tighten them.

    The limits' clock stands still at half past a minute: the windows are fixed,
    and a test crossing the turn of one would see its count start again.
    """
    cache.clear()
    still = time.time() // 60 * 60 + 30
    monkeypatch.setattr(ratelimits, "time", SimpleNamespace(time=lambda: still))
    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": LOOSE_LIMITS}
    yield settings
    cache.clear()


@pytest.fixture
def action_page(db, django_capture_on_commit_callbacks):
    # Published as a commit would: until its transaction commits, the publishing
    # connection reads around the shared cache (cms.api.tags.changing).
    with django_capture_on_commit_callbacks(execute=True):
        return publish_case()


def mailed_token(message):
    """The token of the confirmation link in an e-mail, or None."""
    found = re.search(r"[?&]token=([\w-]+)", message.body)
    return found and found.group(1)


def confirm_token(client, token):
    return client.post(
        "/api/v1/actions/confirmations",
        data={"token": token},
        content_type="application/json",
    )


@pytest.fixture
def mailed_links(monkeypatch):
    """The tokens of the confirmation links made, in order, mailed or not."""
    tokens = []
    make_link = confirmation.confirmation_link

    def recording(token, language):
        tokens.append(token)
        return make_link(token, language)

    monkeypatch.setattr(confirmation, "confirmation_link", recording)
    return tokens


@pytest.fixture
def submit(client, mailed_links):
    """POST a submission as JSON; returns the response.

    With ``confirm`` (the default) the supporter then follows the confirmation
    link that the submission made, if it made one, as a real supporter would,
    and the confirmation e-mail leaves the outbox: tests of what a submission
    leads to see it counted, and the outbox holds what confirming sent. The
    link is followed even when the mail server is down, for the tests of
    delivery to targets.
    """

    def post(data=None, action_id=ACTION_ID, confirm=True, **extra):
        made = len(mailed_links)
        response = client.post(
            f"/api/v1/actions/{action_id}/submissions",
            data=supporter() if data is None else data,
            content_type="application/json",
            **extra,
        )
        if confirm and len(mailed_links) > made:
            token = mailed_links[-1]
            mail.outbox[:] = [m for m in mail.outbox if mailed_token(m) != token]
            assert confirm_token(client, token).status_code == 200
        return response

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


@pytest.fixture(params=["local", "redis"])
def each_cache(request):
    """Run the test on the per-process cache, then on Redis (when there is one)."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param
