"""The public representation of an action: state, goal and exact count."""

import datetime
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from django.db import connection
from django.test import Client
from django.utils import timezone

from caseblocks.models import ActionCounter, Submission
from caseblocks.tasks import process_received_submissions

from .conftest import (
    ACTION_ID,
    LOOSE_LIMITS,
    confirm_token,
    publish_case,
    supporter,
)


def detail(client, action_id=ACTION_ID):
    return client.get(f"/api/v1/actions/{action_id}/")


@pytest.mark.django_db
def test_open_action_shows_goal_count_and_mailto(action_page, client, submit):
    submit(supporter(email="one@example.org"))
    submit(supporter(email="two@example.org"))
    submit(supporter(email="ONE@example.org"))

    body = detail(client).json()

    assert body["state"] == "open"
    assert body["goal"] == 1000
    assert body["supporters"] == 2
    assert body["closed_text"] is None
    link = urlsplit(body["mailto"])
    assert link.scheme == "mailto"
    assert link.path == "press@akorda.kz,prokuror@prokuror.kz"
    assert parse_qs(link.query)["subject"] == ["Free Erzhan Elshibayev"]


@pytest.mark.django_db
def test_closed_action_shows_closed_text(client):
    publish_case(closes_at=timezone.now() - datetime.timedelta(hours=1))

    body = detail(client).json()

    assert body["state"] == "closed"
    assert body["closed_text"] == "This campaign is concluded."
    assert body["mailto"] is None


@pytest.mark.django_db
def test_petition_has_no_mailto(client):
    publish_case(kind="petition", targets=[])

    assert detail(client).json()["mailto"] is None


@pytest.mark.django_db
def test_unpublished_action_is_404(action_page, client):
    action_page.unpublish()

    assert detail(client).status_code == 404


@pytest.mark.django_db
def test_count_is_read_from_the_counter_row_not_a_stale_cache(
    action_page, client, submit
):
    assert detail(client).json()["supporters"] == 0
    submit()

    assert detail(client).json()["supporters"] == 1


# Writers on other connections need committed rows. serialized_rollback starts the
# test from the rows migrations made, whatever transactional test ran before.
def all_at_once(threads, work):
    """Run ``work(number, client)`` in ``threads`` threads released together."""
    barrier = threading.Barrier(threads)

    def run(number):
        client = Client()
        barrier.wait()
        try:
            work(number, client)
        finally:
            connection.close()

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_count_is_exact_under_concurrent_submissions_and_confirmations(
    action_page, mailed_links, queued_tasks, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers")
    # The link followed second is refused: 48 refusals from one test client.
    settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {**LOOSE_LIMITS, "MALFORMED": ["1000/60"]}
    }
    threads, per_thread, addresses = 8, 12, 24
    failures = []

    def submitting(number, client):
        for i in range(per_thread):
            # Every address is sent by several threads at once, in mixed spellings.
            index = (number * per_thread + i) % addresses
            email = f"Supporter.{index}+t{number}@Example.org"
            response = client.post(
                f"/api/v1/actions/{ACTION_ID}/submissions",
                data=supporter(email=email),
                content_type="application/json",
            )
            if response.status_code != 202:
                failures.append(response.content)

    all_at_once(threads, submitting)
    process_received_submissions.call()
    tokens = list(mailed_links)
    assert len(tokens) == threads * per_thread  # nobody had confirmed yet

    def confirming(number, client):
        # Every link is followed twice at once, by two threads.
        for token in tokens[number % (threads // 2) :: threads // 2]:
            response = confirm_token(client, token)
            if response.status_code not in (200, 400):
                failures.append(response.content)

    all_at_once(threads, confirming)

    assert failures == []
    totals = ActionCounter.objects.totals(ACTION_ID)
    assert (totals["submissions"], totals["supporters"]) == (
        threads * per_thread,
        addresses,
    )
    assert Submission.objects.filter(is_first=True).count() == addresses
    assert (
        Client().get(f"/api/v1/actions/{ACTION_ID}/").json()["supporters"] == addresses
    )


@pytest.mark.django_db
def test_no_cache_keeps_an_answer_about_an_action(action_page, client, submit):
    answers = {
        "detail": detail(client),
        "missing": detail(client, "no-such-action"),
        "accepted": submit(supporter(email="one@example.org")),
        "invalid": submit(supporter(email="not an address")),
    }

    for name, answer in answers.items():
        assert "no-store" in answer["Cache-Control"], name
        assert "private" in answer["Cache-Control"], name
