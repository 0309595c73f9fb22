"""Confirmation by e-mail: no "has this address taken part?" oracle, and no
acting in someone else's name. Each test replays the attack."""

import datetime
import io
import time
from unittest import mock

import pytest

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

from caseblocks.models import ActionCounter, OutgoingMessage, Submission
from caseblocks.tasks import RECEIVED_FLAG

from .conftest import ACTION_ID, confirm_token, publish_case, supporter

pytestmark = pytest.mark.django_db

DETAIL = f"/api/v1/actions/{ACTION_ID}/"
VICTIM = "victim@example.org"


def count(client):
    return client.get(DETAIL).json()["supporters"]


def test_posting_an_address_does_not_move_the_public_count(action_page, client, submit):
    submit(supporter(email=VICTIM))  # the victim took part, and confirmed
    before = count(client)

    # The attacker posts the victim's address, then one that never took part.
    submit(supporter(email=VICTIM), confirm=False)
    after_taken = count(client)
    submit(supporter(email="stranger@example.org"), confirm=False)
    after_new = count(client)

    assert before == after_taken == after_new == 1


def test_nobody_signs_or_writes_in_someone_elses_name(action_page, client, submit):
    submit(
        supporter(email=VICTIM, message="Words the victim never wrote."), confirm=False
    )

    # The submission waits; only the owner of the address hears of it.
    assert not OutgoingMessage.objects.exists()
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 0
    assert [m.to for m in mail.outbox] == [[VICTIM]]
    assert Submission.objects.get().confirmed_at is None


def test_the_link_counts_queues_and_confirms_consent(
    action_page, client, submit, mailed_links
):
    submit(supporter(email=VICTIM, newsletter=True), confirm=False)

    assert confirm_token(client, mailed_links[-1]).json() == {
        "status": "confirmed",
        "action_id": ACTION_ID,
        "language": "en",
    }

    submission = Submission.objects.get()
    assert (submission.is_first, submission.newsletter) == (True, True)
    assert submission.confirmed_at is not None
    assert submission.messages.count() == 2
    assert count(client) == 1


def test_a_link_works_once(action_page, client, submit, mailed_links):
    submit(supporter(email=VICTIM), confirm=False)
    confirm_token(client, mailed_links[-1])

    again = confirm_token(client, mailed_links[-1])

    assert again.status_code == 400
    assert again.json()["errors"][0]["field"] == "token"
    assert ActionCounter.objects.totals(ACTION_ID)["submissions"] == 1


@pytest.mark.parametrize(
    "body", [{}, {"token": ""}, {"token": 7}, {"token": "x" * 201}]
)
def test_a_malformed_confirmation_names_the_token(action_page, client, body):
    response = client.post(
        "/api/v1/actions/confirmations", data=body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "token"


def test_a_link_expires(action_page, client, submit, mailed_links, settings):
    settings.CASEBOOK_ACTIONS = {**settings.CASEBOOK_ACTIONS, "CONFIRMATION_HOURS": 1}
    submit(supporter(email=VICTIM), confirm=False)

    later = timezone.now() + datetime.timedelta(hours=1, seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert confirm_token(client, mailed_links[-1]).status_code == 400
        call_command("expire_submissions", stdout=io.StringIO())

    assert not Submission.objects.exists()
    assert ActionCounter.objects.totals(ACTION_ID) == {
        "supporters": 0,
        "submissions": 0,
        "expired": 1,
    }


def test_the_purge_removes_expired_submissions_too(
    action_page, submit, settings, mailed_links
):
    submit(supporter(email=VICTIM), confirm=False)
    later = timezone.now() + datetime.timedelta(hours=73)

    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("purge_submissions", stdout=io.StringIO())

    assert not Submission.objects.exists()
    assert ActionCounter.objects.totals(ACTION_ID)["expired"] == 1


def test_the_link_dies_with_the_page(action_page, client, submit, mailed_links):
    submit(supporter(email=VICTIM), confirm=False)
    action_page.unpublish()

    assert confirm_token(client, mailed_links[-1]).status_code == 400
    assert not OutgoingMessage.objects.exists()


def test_erasure_kills_a_waiting_link(action_page, client, submit, mailed_links):
    submit(supporter(email=VICTIM), confirm=False)
    call_command("erase_supporter", VICTIM, stdout=io.StringIO())

    assert confirm_token(client, mailed_links[-1]).status_code == 400


def test_an_address_that_took_part_is_told_at_that_address_only(action_page, submit):
    submit(supporter(email=VICTIM))
    mail.outbox.clear()

    submit(supporter(email="VICTIM+again@example.org", name="Someone else"))

    [told] = mail.outbox
    assert told.to == ["VICTIM+again@example.org"]
    assert "already taken part" in told.body
    assert Submission.objects.count() == 1


def test_the_confirmation_is_in_the_language_of_the_page(
    action_page, submit, mailed_links, settings
):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    publish_case(
        page_fields={"locale": italian, "translation_key": action_page.translation_key}
    )
    settings.CASEBOOK_FRONTEND_URL = "https://free.example/"

    submit(supporter(email=VICTIM, language="it"), confirm=False)

    [sent] = mail.outbox
    assert f"https://free.example/confirm?token={mailed_links[-1]}&language=it" in (
        sent.body
    )
    with mock.patch("django.utils.translation.override") as override:
        submit(supporter(email="b@example.org", language="it"), confirm=False)
    assert mock.call("it") in override.call_args_list


def answer_and_work(submit, client, data, queued_tasks):
    """The answer to a submission, and the work done before it was sent."""
    client.get(DETAIL)  # the lookup is cached, as it is when warm
    queued_tasks.clear()
    cache.delete(RECEIVED_FLAG)  # no task waiting, as after a worker started one
    with CaptureQueriesContext(connection) as queries:
        response = submit(data, confirm=False)
    statements = [query["sql"].split()[0] for query in queries.captured_queries]
    tasks = [result.task.name for result in queued_tasks]
    return (
        response.status_code,
        response.content,
        dict(response.headers),
        statements,
        tasks,
    )


def test_every_answer_is_the_same_and_does_the_same_work(
    action_page, client, submit, settings, queued_tasks, mailed_links
):
    settings.CASEBOOK_ACTIONS = {
        **settings.CASEBOOK_ACTIONS,
        "RATE_LIMITS": {"ADDRESS": ["100/60"], "EMAIL": ["2/3600"]},
    }
    # The victim took part and confirmed (the worker ran the task).
    submit(supporter(email=VICTIM), confirm=False)
    queued_tasks[0].task.call()
    confirm_token(client, mailed_links[-1])
    submit(supporter(email=VICTIM), confirm=False)  # the victim's limit is now used

    answers = {
        "new": answer_and_work(
            submit, client, supporter(email="new@x.org"), queued_tasks
        ),
        "taken part and over its limit": answer_and_work(
            submit, client, supporter(email=VICTIM), queued_tasks
        ),
        "honeypot": answer_and_work(
            submit, client, supporter(email="bot@x.org", website="x"), queued_tasks
        ),
    }
    settings.CASEBOOK_ACTIONS["RATE_LIMITS"]["EMAIL"] = ["100/3600"]
    answers["taken part"] = answer_and_work(
        submit, client, supporter(email=VICTIM), queued_tasks
    )

    first = answers["new"]
    assert first[0] == 202
    assert first[3] == ["INSERT"]
    assert first[4] == ["process_received_submissions"]
    for name, answer in answers.items():
        assert answer == first, name


def test_the_client_limit_answers_alike_for_every_address(
    action_page, client, submit, settings
):
    submit(supporter(email=VICTIM))
    settings.CASEBOOK_ACTIONS = {
        **settings.CASEBOOK_ACTIONS,
        "RATE_LIMITS": {"ADDRESS": ["1/60"], "EMAIL": ["1000/60"]},
    }
    submit(supporter(email="first@x.org"), REMOTE_ADDR="198.51.100.3")

    over = [
        submit(supporter(email=email), REMOTE_ADDR="198.51.100.3")
        for email in (VICTIM, "never@x.org")
    ]

    assert [answer.status_code for answer in over] == [429, 429]
    assert over[0].content == over[1].content
    assert dict(over[0].headers).keys() == dict(over[1].headers).keys()


def test_own_page_asks_before_it_confirms(action_page, client, submit, mailed_links):
    submit(supporter(email=VICTIM), confirm=False)
    token = mailed_links[-1]
    [sent] = mail.outbox
    assert f"/actions/confirm/?token={token}&language=en" in sent.body

    # A mail system's link scanner follows the link: nothing happens.
    page = client.get(f"/actions/confirm/?token={token}&language=en")
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer"
    assert f'value="{token}"' in page.content.decode()
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 0

    pressed = client.post("/actions/confirm/?language=en", {"token": token})
    assert pressed.status_code == 200
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 1
    assert client.post("/actions/confirm/", {"token": token}).status_code == 400


def test_a_translation_cannot_switch_confirmation_off(action_page, submit):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    publish_case(
        page_fields={"locale": italian, "translation_key": action_page.translation_key},
        confirm_by_email=False,
    )

    submit(supporter(email=VICTIM, language="it"), confirm=False)

    assert not OutgoingMessage.objects.exists()
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 0


def test_without_confirmation_the_public_sees_a_snapshot(db, client, submit, settings):
    settings.CASEBOOK_ACTIONS = {**settings.CASEBOOK_ACTIONS, "COUNT_REFRESH": 1}
    publish_case(confirm_by_email=False)
    assert count(client) == 0

    submit(supporter(email=VICTIM))

    # Counted and sent at once, and staff see it; the public count waits.
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 1
    assert OutgoingMessage.objects.count() == 2
    assert count(client) == 0
    time.sleep(1.1)
    assert count(client) == 1


def test_the_block_says_what_switching_confirmation_off_weakens():
    from caseblocks.blocks import ActionFormBlock

    help_text = str(ActionFormBlock().child_blocks["confirm_by_email"].field.help_text)

    assert "someone else's name" in help_text
    assert "refreshed" in help_text


def test_a_refused_attempt_uses_none_of_the_allowance(action_page, submit, settings):
    settings.CASEBOOK_ACTIONS = {
        **settings.CASEBOOK_ACTIONS,
        "RATE_LIMITS": {
            "ADDRESS": ["1/60"],
            "EMAIL": ["1000/60"],
            "MALFORMED": ["2/60"],
        },
    }

    typo = submit(supporter(email="anna@"), REMOTE_ADDR="198.51.100.4")
    fixed = submit(supporter(), REMOTE_ADDR="198.51.100.4")

    assert (typo.status_code, fixed.status_code) == (400, 202)
    # Malformed requests have a limit of their own.
    statuses = [
        submit({"name": ""}, REMOTE_ADDR="198.51.100.4").status_code for _ in range(2)
    ]
    assert statuses == [400, 429]


def test_the_confirmation_route_is_typed(client):
    schema = client.get("/api/v1/openapi.json").json()
    route = schema["paths"]["/api/v1/actions/confirmations"]["post"]

    body = route["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["token"]
    assert set(route["responses"]) == {"200", "400", "409", "429"}


def test_exports_hold_only_confirmed_supporters(
    action_page, client, submit, django_user_model
):
    from django.contrib.auth.models import Permission

    submit(supporter(email=VICTIM, newsletter=True), confirm=False)
    submit(supporter(email="real@example.org", newsletter=True))
    officer = django_user_model.objects.create_superuser("officer", password="pw")
    client.force_login(officer)
    assert Permission.objects.filter(codename="view_submission").exists()

    report = f"/admin/reports/actions/{ACTION_ID}/"
    csv_text = b"".join(client.get(report + "export.csv").streaming_content).decode()
    signatures = client.get(report + "export.osdi.json").json()["_embedded"][
        "osdi:signatures"
    ]

    assert VICTIM not in csv_text
    assert "real@example.org" in csv_text
    assert [s["person"]["email_addresses"][0]["address"] for s in signatures] == [
        "real@example.org"
    ]
    assert signatures[0]["casebook:consent"]["confirmed_at"]
