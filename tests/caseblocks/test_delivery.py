"""Messages to targets: one per target, in the page's language, never lost."""

import datetime
from unittest import mock

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

from caseblocks.actions.delivery import deliver
from caseblocks.models import DeliveryState, OutgoingMessage

from .conftest import publish_case, supporter

pytestmark = pytest.mark.django_db


class DownBackend:
    """An e-mail backend whose server is unreachable."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


DOWN = f"{__name__}.DownBackend"


def test_first_submission_sends_one_message_per_target(action_page, submit, settings):
    settings.CASEBOOK_ACTIONS = {
        **settings.CASEBOOK_ACTIONS,
        "FROM_EMAIL": "actions@casebook.example",
    }
    submit(supporter(message="Release him now."))

    assert sorted(m.to[0] for m in mail.outbox) == [
        "Press office <press@akorda.kz>",
        "Prosecutor General <prokuror@prokuror.kz>",
    ]
    sent = mail.outbox[0]
    assert sent.from_email == "actions@casebook.example"
    assert sent.reply_to == ["Anna Rossi <anna.rossi@example.org>"]
    assert sent.subject == "Free Erzhan Elshibayev"
    assert sent.body.startswith("Release him now.")
    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {"sent"}


def test_suggested_message_is_sent_when_supporter_writes_none(action_page, submit):
    submit(supporter(message=""))

    assert mail.outbox[0].body.startswith("I call on you to release Erzhan Elshibayev.")


def test_message_is_in_the_language_of_the_page_used(action_page, submit):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    publish_case(
        page_fields={"locale": italian, "translation_key": action_page.translation_key},
        subject="Liberate Erzhan Elshibayev",
        suggested_message="Vi chiedo di liberare Erzhan Elshibayev.",
    )

    submit(supporter(country="DE", language="it"))

    assert mail.outbox[0].subject == "Liberate Erzhan Elshibayev"
    assert mail.outbox[0].body.startswith("Vi chiedo di liberare")
    assert "Germania" in mail.outbox[0].body


def test_repeat_sends_nothing_more(action_page, submit):
    submit()
    submit()

    # The targets' two, and the supporter's "you have already taken part".
    assert sorted(m.to[0] for m in mail.outbox) == [
        "Press office <press@akorda.kz>",
        "Prosecutor General <prokuror@prokuror.kz>",
        "anna.rossi@example.org",
    ]
    assert OutgoingMessage.objects.count() == 2


def test_petition_sends_nothing(db, submit):
    publish_case(kind="petition", targets=[])
    submit()

    assert mail.outbox == []


def test_mail_server_down_defers_and_command_sends_later(action_page, submit, settings):
    settings.EMAIL_BACKEND = DOWN
    response = submit()

    assert response.status_code == 202
    messages = OutgoingMessage.objects.all()
    assert {m.state for m in messages} == {DeliveryState.DEFERRED}
    # The kind of error only: an error's text may quote supporters' data.
    assert all(m.last_error == "ConnectionRefusedError" for m in messages)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = timezone.now() + datetime.timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("send_pending_messages", stdout=mock.MagicMock())

    assert {m.state for m in OutgoingMessage.objects.all()} == {DeliveryState.SENT}
    assert len(mail.outbox) == 2


def test_retries_back_off_then_fail(action_page, submit, settings):
    settings.EMAIL_BACKEND = DOWN
    settings.CASEBOOK_ACTIONS = {
        **settings.CASEBOOK_ACTIONS,
        "MAX_ATTEMPTS": 3,
        "RETRY_BACKOFF": 60,
    }
    submit()
    message = OutgoingMessage.objects.first()
    first_wait = message.next_attempt_at - message.created_at

    now = message.next_attempt_at
    message = deliver(message.pk, now=now)
    assert message.state == DeliveryState.DEFERRED
    assert message.next_attempt_at - now == datetime.timedelta(seconds=120)
    assert first_wait >= datetime.timedelta(seconds=59)

    message = deliver(message.pk, now=message.next_attempt_at)
    assert (message.state, message.attempts) == (DeliveryState.FAILED, 3)


def test_message_not_due_is_left_alone(action_page, submit, settings):
    settings.EMAIL_BACKEND = DOWN
    submit()
    message = OutgoingMessage.objects.first()

    deliver(message.pk)

    message.refresh_from_db()
    assert message.attempts == 1


def test_target_hourly_cap_defers_the_rest(action_page, submit, settings):
    settings.CASEBOOK_ACTIONS = {**settings.CASEBOOK_ACTIONS, "TARGET_HOURLY_CAP": 2}
    for n in range(3):
        submit(supporter(email=f"s{n}@example.org"))

    press = OutgoingMessage.objects.filter(target_email="press@akorda.kz")
    states = list(press.order_by("pk").values_list("state", flat=True))
    assert states == ["sent", "sent", "deferred"]
    waiting = press.get(state="deferred")
    assert waiting.attempts == 0
    assert waiting.next_attempt_at > timezone.now() + datetime.timedelta(minutes=59)
