"""What one submission costs: SQL statements, cache lookups and queued tasks.

These counts guard the request path against regressions; a change that adds a
statement to every submission should have to change them on purpose.
"""

import uuid

import pytest
from django_tasks import default_task_backend

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from caseblocks.models import Submission

from .conftest import ACTION_ID, supporter

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_tasks(settings):
    """Tasks are stored, not run: only the request's own statements are counted."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()
    return default_task_backend.results


def post(submit, email):
    with CaptureQueriesContext(connection) as queries:
        response = submit(supporter(email=email))
    assert response.status_code == 202
    return [query["sql"].split()[0] for query in queries.captured_queries]


def test_first_submission_takes_three_statements_in_one_transaction(
    action_page, client, submit, queued_tasks
):
    client.get(f"/api/v1/actions/{ACTION_ID}/")  # the lookup is cached from here

    statements = post(submit, "first@example.org")

    # The test's own transaction turns BEGIN/COMMIT into a savepoint: then one
    # insert of the submission, one insert of both messages, one counter update.
    assert statements == ["SAVEPOINT", "INSERT", "INSERT", "UPDATE", "RELEASE"]


def test_repeat_takes_a_count_and_a_second_insert(action_page, client, submit):
    client.get(f"/api/v1/actions/{ACTION_ID}/")
    post(submit, "again@example.org")

    statements = post(submit, "AGAIN@example.org")

    assert statements == [
        "SAVEPOINT",
        "INSERT",  # skipped by the unique constraint on first submissions
        "SELECT",  # the rank of the repeat
        "INSERT",
        "UPDATE",
        "RELEASE",
    ]
    assert list(Submission.objects.values_list("is_first", "rank")) == [
        (True, 1),
        (False, 2),
    ]


def test_one_task_delivers_all_targets_of_a_submission(
    action_page, submit, queued_tasks
):
    submit(supporter(email="one@example.org"))

    assert [result.task.name for result in queued_tasks] == ["deliver_submission"]
    submission = Submission.objects.get()
    assert queued_tasks[0].args == [submission.pk]
    assert submission.messages.count() == 2


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


@pytest.fixture
def redis_cache(settings):
    """Django's Redis cache on the local server, under a prefix of its own; skipped without one."""
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis server")
    prefix = f"test-caseblocks-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    yield
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


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

    assert [answer.status_code for answer in answers] == [202, 429, 202]
    assert answers[1].json()["errors"][0]["field"] == "email"
    assert over_address.status_code == 429
    assert over_address.json()["errors"][0]["field"] == "body"
    assert 0 < int(over_address["Retry-After"]) <= 61
