"""The database connection drops in the middle of a supporter's submission.

Transactional tests: the submission's own transaction must commit or roll back
for real. On PostgreSQL the server ends the session (``pg_terminate_backend``
from a second connection), so the driver meets a dead connection as it would
after a restart or a failover. SQLite has no server to lose: there the driver's
"database is locked" is raised through Django's error wrapper instead.
"""

from contextlib import contextmanager
from io import StringIO

import pytest

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import close_old_connections, connections
from django.db.models import Sum

import caseblocks.api
from caseblocks.models import ActionCounter, OutgoingMessage, Submission

from .conftest import ACTION_ID, TARGETS

pytestmark = pytest.mark.django_db(transaction=True)


def drop(conn):
    """Lose ``conn`` as an outage would; the next statement on it fails."""
    if conn.vendor == "postgresql":
        pid = conn.connection.info.backend_pid
        other = connections.create_connection(conn.alias)
        try:
            with other.cursor() as cursor:
                # Waits (up to a second) until the session has really ended.
                cursor.execute("SELECT pg_terminate_backend(%s, 1000)", [pid])
        finally:
            other.close()
    else:
        with conn.wrap_database_errors:
            raise conn.Database.OperationalError("database is locked")


class DropAt:
    """Drop the connection before its ``n``th statement or commit, whichever comes."""

    def __init__(self, n):
        self.n, self.seen = n, 0

    @property
    def fired(self):
        return self.seen >= self.n

    def reached(self, conn):
        self.seen += 1
        if self.seen == self.n:
            drop(conn)

    def __call__(self, execute, sql, params, many, context):
        self.reached(context["connection"])
        return execute(sql, params, many, context)

    @contextmanager
    def installed(self, conn):
        commit = conn.commit

        def dropping_commit():
            self.reached(conn)
            commit()

        conn.commit = dropping_commit
        try:
            with conn.execute_wrapper(self):
                yield
        finally:
            del conn.commit


def attempt(submit, fault=None):
    """One request from a cold cache, closing a broken connection as a server does."""
    cache.clear()  # the same statements every time: action lookup, rate limits
    try:
        if fault is None:
            return submit()
        with fault.installed(connections["default"]):
            return submit()
    finally:
        close_old_connections()  # Django's request_finished handler


def assert_try_again(response):
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert int(response["Retry-After"]) > 0
    (error,) = response.json()["errors"]
    assert error["field"] is None
    assert "try again" in error["message"]


def assert_nothing_half_stored():
    """Every stored submission is counted; every first one has all its messages."""
    rows = Submission.objects.filter(action_id=ACTION_ID)
    firsts = rows.filter(is_first=True)
    counted = ActionCounter.objects.filter(action_id=ACTION_ID).aggregate(
        submissions=Sum("submissions"), supporters=Sum("supporters")
    )
    assert counted == {"submissions": rows.count(), "supporters": firsts.count()}
    for submission in firsts:
        assert submission.messages.count() == TARGETS
    assert not OutgoingMessage.objects.exclude(submission__in=firsts).exists()


def supporters(client):
    return client.get(f"/api/v1/actions/{ACTION_ID}/").json()["supporters"]


def assert_each_target_gets_one_message(queued_tasks):
    """The command sends what waits; the tasks queued meanwhile find nothing left."""
    call_command("send_pending_messages", stdout=StringIO())
    for result in queued_tasks:
        result.task.call(*result.args, **result.kwargs)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "Press office <press@akorda.kz>",
        "Prosecutor General <prokuror@prokuror.kz>",
    ]
    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {"sent"}


@pytest.mark.skip(
    reason="the submission route no longer stores and counts in one step: this "
    "replay is being rewritten around the confirmation step (issue 11)"
)
def test_a_drop_at_any_statement_or_commit_answers_503_and_stores_nothing_half(
    action_page, client, submit, queued_tasks, caplog
):
    n = 0
    while True:
        n += 1
        fault = DropAt(n)
        response = attempt(submit, fault)
        if not fault.fired:
            break  # the request reached fewer than n points: this retry went in
        assert_try_again(response)
        assert_nothing_half_stored()
        assert not Submission.objects.exists()

    assert n > 2  # at least the action's lookup and the storing were cut off
    assert response.status_code == 202
    assert "Database unavailable: POST" in caplog.text
    assert_nothing_half_stored()
    assert Submission.objects.count() == 1
    assert supporters(client) == 1
    assert_each_target_gets_one_message(queued_tasks)


@pytest.mark.skip(
    reason="the submission route no longer stores and counts in one step: this "
    "replay is being rewritten around the confirmation step (issue 11)"
)
def test_a_drop_after_the_commit_is_retried_as_a_repeat_and_counted_once(
    action_page, client, submit, queued_tasks, monkeypatch
):
    """The commit went through but its answer was lost: the client sees a 503.

    Sending the submission again is safe: it is stored as a repeat, which is
    neither counted as a supporter nor mailed again.
    """
    store = caseblocks.api.store_submission

    def store_then_drop(*args, **kwargs):
        store(*args, **kwargs)
        conn = connections["default"]
        drop(conn)
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1")  # fails: the connection is gone

    monkeypatch.setattr(caseblocks.api, "store_submission", store_then_drop)
    assert_try_again(attempt(submit))
    assert Submission.objects.count() == 1
    assert_nothing_half_stored()
    assert queued_tasks == []  # the failed request queued no delivery task

    monkeypatch.undo()
    assert attempt(submit).status_code == 202
    assert_nothing_half_stored()
    assert list(Submission.objects.values_list("is_first", "rank")) == [
        (True, 1),
        (False, 2),
    ]
    assert supporters(client) == 1
    assert_each_target_gets_one_message(queued_tasks)
