"""What one submission costs: SQL statements, cache lookups and queued tasks.

These counts guard the request path against regressions; a change that adds a
statement to every submission should have to change them on purpose.
"""

import json
from datetime import timedelta

import pytest

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import pre_init
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from caseblocks.actions.store import insert_submission
from caseblocks.models import (
    ActionCounter,
    OutgoingMessage,
    Submission,
    SubmissionState,
)

from .conftest import ACTION_ID, confirm_token, publish_case, supporter

pytestmark = pytest.mark.django_db


def post(submit, email, **options):
    with CaptureQueriesContext(connection) as queries:
        response = submit(supporter(email=email), **options)
    assert response.status_code == 202
    return [query["sql"].split()[0] for query in queries.captured_queries]


def test_accepting_a_submission_is_one_insert(
    action_page, client, submit, queued_tasks
):
    client.get(f"/api/v1/actions/{ACTION_ID}/")  # the lookup is cached from here

    statements = post(submit, "first@example.org")

    # Storing it as received; deciding what it leads to is the task's.
    assert statements == ["INSERT"]
    assert Submission.objects.get().state == SubmissionState.RECEIVED
    assert [result.task.name for result in queued_tasks] == [
        "process_received_submissions"
    ]


def test_accepting_builds_no_model_instance(action_page, client, submit, queued_tasks):
    client.get(f"/api/v1/actions/{ACTION_ID}/")
    built = []

    def count(sender, **kwargs):
        built.append(sender)

    pre_init.connect(count, sender=Submission)
    try:
        post(submit, "first@example.org", confirm=False)
    finally:
        pre_init.disconnect(count, sender=Submission)

    # The row is written by a statement made once, not by create(): building the
    # instance and compiling its INSERT was most of the request's Python time.
    assert built == []
    assert Submission.objects.get().email == "first@example.org"


def test_the_insert_stores_each_value_as_its_field_prepares_it(db):
    now = timezone.now()
    values = {
        "action_id": ACTION_ID,
        "language": "it",
        "name": "Anna Rossi",
        "email": "anna.rossi@example.org",
        "country": "IT",
        "consent_text": "I agree.",
        "consented_at": now,
        "created_at": now,
        "fingerprint": "f" * 64,
        "is_first": False,
        "rank": 0,
    }

    insert_submission("default", **values)
    insert_submission("default", **values)

    first, second = Submission.objects.order_by("pk")
    assert {name: getattr(first, name) for name in values} == values
    # Fields left out get their defaults, each row its own uuid.
    assert (first.state, first.newsletter, first.page_id) == ("received", False, None)
    assert first.uuid != second.uuid
    assert first.anonymised_at is first.expires_at is None


def test_the_insert_refuses_a_name_the_model_has_not(db):
    with pytest.raises(TypeError, match="nickname"):
        insert_submission("default", action_id=ACTION_ID, nickname="x")
    assert not Submission.objects.exists()


def test_the_task_is_asked_for_once_the_answer_is_sent(action_page, queued_tasks, rf):
    from caseblocks.api import submit

    request = rf.post(
        f"/api/v1/actions/{ACTION_ID}/submissions",
        json.dumps(supporter(email="first@example.org")),
        content_type="application/json",
    )

    response = submit(request, ACTION_ID)

    # Stored before the answer; the task waits until the server has written it.
    assert response.status_code == 202
    assert Submission.objects.get().state == SubmissionState.RECEIVED
    assert list(queued_tasks) == []
    response.close()
    assert [result.task.name for result in queued_tasks] == [
        "process_received_submissions"
    ]


def test_confirming_counts_and_queues_in_one_transaction(
    action_page, client, submit, mailed_links, settings
):
    client.get(f"/api/v1/actions/{ACTION_ID}/")
    post(submit, "first@example.org", confirm=False)
    # From here tasks wait: the delivery task is not part of the request.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }

    with CaptureQueriesContext(connection) as queries:
        assert confirm_token(client, mailed_links[-1]).status_code == 200

    statements = [query["sql"].split()[0] for query in queries.captured_queries]
    # Find the waiting submission; then, in a transaction (a savepoint inside the
    # test's own), lock it, mark it confirmed and first (in a savepoint of its
    # own, for the unique constraint to refuse a second first), queue both
    # messages and count it.
    assert statements[0] == "SELECT"
    assert statements[1:4] == ["SAVEPOINT", "SELECT", "SAVEPOINT"]
    assert statements[4:] == ["UPDATE", "RELEASE", "INSERT", "UPDATE", "RELEASE"]
    assert ActionCounter.objects.totals(ACTION_ID) == {
        "supporters": 1,
        "submissions": 1,
        "expired": 0,
    }


def test_one_waiting_task_serves_many_submissions(
    action_page, client, submit, queued_tasks, mailed_links
):
    for email in ("one@example.org", "two@example.org"):
        submit(supporter(email=email))
    assert [result.task.name for result in queued_tasks] == [
        "process_received_submissions"
    ]
    queued_tasks[0].task.call()  # a worker mails both links
    for token in mailed_links:
        assert confirm_token(client, token).status_code == 200

    # The second confirmation finds a delivery task waiting.
    assert [result.task.name for result in queued_tasks][1:] == ["deliver_due_messages"]
    assert OutgoingMessage.objects.filter(state="queued").count() == 4


def test_a_started_task_lets_the_next_submission_ask_for_another(
    action_page, submit, queued_tasks
):
    submit(supporter(email="one@example.org"))
    queued_tasks[0].task.call()  # a worker starts it: the flag is cleared

    submit(supporter(email="two@example.org"))

    assert [result.task.name for result in queued_tasks] == [
        "process_received_submissions",
        "process_received_submissions",
    ]
    assert list(Submission.objects.order_by("pk").values_list("state", flat=True)) == [
        SubmissionState.PENDING,
        SubmissionState.RECEIVED,
    ]


def test_detail_reads_only_the_count_once_the_lookup_is_cached(action_page, client):
    client.get(f"/api/v1/actions/{ACTION_ID}/")

    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/v1/actions/{ACTION_ID}/")

    assert len(queries) == 1


def test_cached_lookup_is_forgotten_when_the_page_becomes_private(
    action_page, client, submit
):
    assert submit().status_code == 202

    PageViewRestriction.objects.create(
        page=action_page, restriction_type=PageViewRestriction.LOGIN
    )

    assert submit().status_code == 404
    assert client.get(f"/api/v1/actions/{ACTION_ID}/").status_code == 404


def test_cached_lookup_is_forgotten_when_the_page_is_deleted(action_page, client):
    assert client.get(f"/api/v1/actions/{ACTION_ID}/").status_code == 200

    action_page.delete()

    assert client.get(f"/api/v1/actions/{ACTION_ID}/").status_code == 404


def test_rate_limits_count_in_redis_per_scope(
    action_page, submit, actions_settings, redis_cache
):
    actions_settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["3/60", "10/300"], "EMAIL": ["1/60"]}
    }

    answers = [
        submit(supporter(email=email), REMOTE_ADDR="198.51.100.9")
        for email in ("a@example.org", "A@example.org", "b@example.org")
    ]
    over_address = submit(supporter(email="c@example.org"), REMOTE_ADDR="198.51.100.9")

    # The e-mail's limit answers like an accepted submission and keeps nothing.
    assert [answer.status_code for answer in answers] == [202, 202, 202]
    assert Submission.objects.count() == 2
    assert over_address.status_code == 429
    assert over_address.json()["errors"][0]["field"] == "body"
    assert 0 < int(over_address["Retry-After"]) <= 61


def test_every_rate_limit_window_is_one_redis_command(
    actions_settings, redis_cache, redis_commands
):
    from caseblocks.actions import ratelimits

    actions_settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["3/60", "10/300", "50/86400"], "EMAIL": ["5/60"]}
    }
    identities = {"ADDRESS": "client", "EMAIL": "mailbox"}
    ratelimits.hit_scopes(identities)  # the script is loaded the first time
    redis_commands.clear()

    waits = ratelimits.hit_scopes(identities)

    # Four windows counted (the second attempt of each), in one command.
    assert waits == {"ADDRESS": None, "EMAIL": None}
    assert redis_commands == ["EVALSHA"]


def test_a_cached_action_is_found_and_counted_in_one_redis_command(
    action_page, submit, redis_cache, queued_tasks, rf, redis_commands
):
    from caseblocks import api

    submit(supporter(email="warm@example.org"))  # the lookup is cached from here
    redis_commands.clear()
    request = rf.post(
        f"/api/v1/actions/{ACTION_ID}/submissions",
        json.dumps(supporter(email="first@example.org")),
        content_type="application/json",
    )

    response = api.submit(request, ACTION_ID)
    before_the_answer = list(redis_commands)
    stored = Submission.objects.filter(email="first@example.org").exists()
    # Closing sends request_finished, which closes the test's connection.
    response.close()

    # The lookup, every rate-limit window and the flag of a waiting task in
    # one script; once the answer is sent, nothing more (a task is waiting).
    assert response.status_code == 202
    assert stored
    assert before_the_answer == ["EVALSHA"]
    assert redis_commands == ["EVALSHA"]


def test_an_uncached_action_is_looked_up_then_counted(
    action_page, submit, redis_cache, actions_settings
):
    actions_settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": {"ADDRESS": ["1/60"]}}

    first = submit(supporter(email="a@example.org"), REMOTE_ADDR="198.51.100.8")
    second = submit(supporter(email="b@example.org"), REMOTE_ADDR="198.51.100.8")

    # The first found nothing cached and counted after its lookup; the second
    # was counted with the cached lookup.
    assert (first.status_code, second.status_code) == (202, 429)


def test_the_insert_refuses_a_field_that_save_would_fill(monkeypatch):
    from caseblocks.actions import store

    created_at = Submission._meta.get_field("created_at")
    monkeypatch.setattr(created_at, "auto_now_add", True)
    store.insert_fields.cache_clear()
    try:
        with pytest.raises(TypeError, match="created_at"):
            store.insert_fields()
    finally:
        monkeypatch.undo()
        store.insert_fields.cache_clear()


def test_the_link_is_looked_up_in_the_index_of_waiting_tokens(db):
    from django.utils import timezone

    from caseblocks.actions.confirmation import waiting_for

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # An empty table is read whole otherwise: the plan is the question.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = waiting_for("token", timezone.now()).explain()

    assert "caseblocks_submission_token" in plan


def test_a_received_submission_writes_no_index_it_is_never_looked_up_by(db):
    # Identifiers and token hashes are looked up whole, never with LIKE, and
    # a submission just received has no token yet.
    if connection.vendor != "postgresql":
        pytest.skip("varchar_pattern_ops indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
            [Submission._meta.db_table],
        )
        indexes = dict(cursor.fetchall())

    assert not [name for name, sql in indexes.items() if "pattern_ops" in sql]
    assert "WHERE" in indexes["caseblocks_submission_token"]


def test_the_insert_sends_its_values_apart_from_the_statement(db):
    # Nothing for Python to quote into the SQL on every request: the server
    # takes the values typed.
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's driver always sends them apart")
    with CaptureQueriesContext(connection) as queries:
        insert_submission(
            "default",
            action_id=ACTION_ID,
            name="Anna Rossi",
            consented_at=timezone.now(),
            created_at=timezone.now(),
        )

    (insert,) = queries.captured_queries
    assert "$1" in insert["sql"]
    assert "Anna Rossi" not in insert["sql"]
    assert Submission.objects.get().name == "Anna Rossi"


def test_a_worker_task_waits_for_requests_that_saw_it_waiting(
    action_page, submit, queued_tasks, monkeypatch
):
    from caseblocks import tasks

    submit(supporter(email="one@example.org"))
    (waiting,) = queued_tasks
    assert waiting.args == [tasks.SETTLE_SECONDS]

    def settling(seconds):
        # A request that found the flag set, before the task cleared it,
        # commits its submission while the task waits.
        assert seconds == tasks.SETTLE_SECONDS
        assert not cache.get(tasks.RECEIVED_FLAG)
        submit(supporter(email="two@example.org"))

    monkeypatch.setattr(tasks.time, "sleep", settling)
    outcomes = waiting.task.call(*waiting.args)

    assert outcomes == ["pending", "pending"]


def test_an_inline_task_does_not_wait(action_page, submit, settings, monkeypatch):
    from caseblocks import tasks

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    slept = []
    monkeypatch.setattr(tasks.time, "sleep", slept.append)

    submit(supporter(email="one@example.org"), confirm=False)

    assert slept == [0]
    assert Submission.objects.get().state == SubmissionState.PENDING


@pytest.mark.parametrize("refusal", ["closed", "over the limit"])
def test_a_refused_submission_leaves_no_task_flag(
    db, submit, actions_settings, queued_tasks, each_cache, refusal
):
    from caseblocks.tasks import RECEIVED_FLAG

    actions_settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": {"ADDRESS": ["1/60"]}}
    if refusal == "closed":
        publish_case(closes_at=timezone.now() - timedelta(hours=1))
    else:
        publish_case()
        submit(supporter(email="one@example.org"), REMOTE_ADDR="198.51.100.7")
        deciding = [
            r for r in queued_tasks if r.task.name == "process_received_submissions"
        ]
        deciding[0].task.call()  # a worker started: the flag is cleared
    submit(supporter(email="probe@example.org"))  # the lookup is cached from here
    cache.delete(RECEIVED_FLAG)

    response = submit(supporter(email="two@example.org"), REMOTE_ADDR="198.51.100.7")

    # Nothing was stored, so no task may seem to wait for it: the next
    # submission asks for one.
    assert response.status_code == (409 if refusal == "closed" else 429)
    assert cache.get(RECEIVED_FLAG) is None
