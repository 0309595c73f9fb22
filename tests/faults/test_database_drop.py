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

import caseblocks.api
from caseblocks.models import (
    ActionCounter,
    OutgoingMessage,
    Submission,
    SubmissionState,
)
from caseblocks.tasks import process_received_submissions
from tests.caseblocks.conftest import confirm_token

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


def assert_each_target_gets_one_message(queued_tasks):
    """The command sends what waits; the tasks queued meanwhile find nothing left."""
    mail.outbox.clear()  # the confirmation e-mails, sent to the supporter
    call_command("send_pending_messages", stdout=StringIO())
    for result in queued_tasks:
        result.task.call(*result.args, **result.kwargs)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "Press office <press@akorda.kz>",
        "Prosecutor General <prokuror@prokuror.kz>",
    ]
    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {"sent"}


def assert_nothing_half_stored():
    """Every confirmed submission is counted; every first one has all its messages.

    A submission still received or pending counts nothing and queues nothing.
    """
    rows = Submission.objects.filter(action_id=ACTION_ID)
    confirmed = rows.filter(state=SubmissionState.CONFIRMED)
    firsts = confirmed.filter(is_first=True)
    counted = ActionCounter.objects.totals(ACTION_ID)
    assert (counted["submissions"], counted["supporters"]) == (
        confirmed.count(),
        firsts.count(),
    )
    for submission in firsts:
        assert submission.messages.count() == TARGETS
    assert not OutgoingMessage.objects.exclude(submission__in=firsts).exists()


def supporters(client):
    return client.get(f"/api/v1/actions/{ACTION_ID}/").json()["supporters"]


def cut_at_every_point(request, still_as_before):
    """Send ``request`` with the connection dropped at its 1st, 2nd, ... point.

    Each cut must answer 503 and leave ``still_as_before()`` true; the first
    attempt that reaches fewer points than the cut went through and is returned,
    with how many points were cut.
    """
    n = 0
    while True:
        n += 1
        fault = DropAt(n)
        response = attempt(request, fault)
        if not fault.fired:
            return n - 1, response
        assert_try_again(response)
        assert_nothing_half_stored()
        assert still_as_before()


def process_received():
    """What the worker does next: decide each received submission (mails links)."""
    process_received_submissions.call()


def test_a_drop_at_any_point_of_submitting_or_confirming_answers_503_and_leaves_nothing_half(
    action_page, client, submit, mailed_links, queued_tasks, caplog
):
    cuts, response = cut_at_every_point(
        lambda: submit(confirm=False),
        still_as_before=lambda: not Submission.objects.exists(),
    )
    assert cuts >= 2  # at least the action's lookup and the storing were cut off
    assert response.status_code == 202
    assert "Database unavailable: POST" in caplog.text
    (received,) = Submission.objects.all()
    assert received.state == SubmissionState.RECEIVED

    process_received()
    (token,) = mailed_links
    cuts, response = cut_at_every_point(
        lambda: confirm_token(client, token),
        still_as_before=lambda: (
            Submission.objects.get().state == SubmissionState.PENDING
        ),
    )
    # The token's lookup, the row lock, the update, the messages, the counter
    # and the commit can each be cut off.
    assert cuts >= 4
    assert response.status_code == 200, response.content
    assert_nothing_half_stored()
    assert supporters(client) == 1
    assert confirm_token(client, token).status_code == 400  # a link works once
    assert_each_target_gets_one_message(queued_tasks)


def test_a_drop_after_the_commit_is_retried_as_a_repeat_and_counted_once(
    action_page, client, submit, mailed_links, queued_tasks
):
    """The submission's commit went through but its answer was lost: a 503.

    Sending it again is safe: each of the two is mailed its own link, and
    confirming both counts one supporter and mails each target once.
    """
    receive = caseblocks.api.receive_submission

    def receive_then_drop(*args, **kwargs):
        receive(*args, **kwargs)
        conn = connections["default"]
        drop(conn)
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1")  # fails: the connection is gone

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(caseblocks.api, "receive_submission", receive_then_drop)
        assert_try_again(attempt(lambda: submit(confirm=False)))
    assert Submission.objects.count() == 1

    assert attempt(lambda: submit(confirm=False)).status_code == 202
    process_received()
    assert len(mailed_links) == 2
    assert_nothing_half_stored()
    assert supporters(client) == 0  # nothing counts before it is confirmed

    for token in mailed_links:
        assert confirm_token(client, token).status_code == 200
    assert_nothing_half_stored()
    assert sorted(Submission.objects.values_list("is_first", "rank", "state")) == [
        (False, 2, "confirmed"),
        (True, 1, "confirmed"),
    ]
    assert supporters(client) == 1
    assert_each_target_gets_one_message(queued_tasks)
