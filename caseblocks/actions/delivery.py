"""Messages to targets: composing them, sending one, deferring and retrying."""

import logging
from datetime import timedelta
from email.utils import formataddr

from django_countries import countries

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from caseblocks.conf import from_email, get_setting
from caseblocks.models import DeliveryState, OutgoingMessage

logger = logging.getLogger(__name__)


def compose_messages(submission, placement, now):
    """One unsaved queued message per target of the action, for ``submission``.

    Written in the page's language: the subject and suggested message come from
    that language version of the block, and the signature is translated. The
    store saves them with the submission, if it is the supporter's first.
    """
    value = placement.value
    with translation.override(submission.language):
        signature = _("%(name)s, %(country)s") % {
            "name": submission.name,
            "country": countries.name(submission.country),
        }
    text = submission.message or value["suggested_message"]
    return [
        OutgoingMessage(
            action_id=submission.action_id,
            target_name=target["name"],
            target_email=target["email"],
            subject=value["subject"],
            body=f"{text}\n\n{signature}\n",
            reply_to=formataddr((submission.name, submission.email)),
            from_email=from_email(),
            language=submission.language,
            created_at=now,
        )
        for target in value["targets"]
    ]


def describe_failure(error):
    """What is stored, logged and shown to staff about a failed send.

    Only the kind of error and the SMTP reply code: the error's own text often
    quotes the headers or the addresses it failed on (a supporter's name and
    address in Reply-To, say), and this text outlives erasure and is shown to
    staff who may not see supporters' data.
    """
    code = getattr(error, "smtp_code", None)
    if code is None and isinstance(getattr(error, "recipients", None), dict):
        codes = {reply[0] for reply in error.recipients.values()}
        code = ",".join(str(c) for c in sorted(codes)) or None
    kind = type(error).__name__
    return f"{kind} (SMTP {code})" if code else kind


def sent_last_hour(target_email, now):
    return OutgoingMessage.objects.filter(
        target_email=target_email,
        state=DeliveryState.SENT,
        sent_at__gt=now - timedelta(hours=1),
    )


def send(message):
    EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=[formataddr((message.target_name, message.target_email))],
        reply_to=[message.reply_to],
    ).send(fail_silently=False)


def deliver(message_id, now=None):
    """Try to send one pending message; return it, or None if not pending.

    The row is locked while it is sent, so a task and ``send_pending_messages``
    never send it twice. A target over its hourly cap defers the message to when
    a slot frees up; a failure defers it with a doubling wait, until
    ``MAX_ATTEMPTS`` marks it failed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            OutgoingMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, state__in=DeliveryState.PENDING)
            .first()
        )
        if message is None:
            return None
        if message.next_attempt_at and message.next_attempt_at > now:
            return message
        recent = sent_last_hour(message.target_email, now)
        if recent.count() >= get_setting("TARGET_HOURLY_CAP"):
            oldest = recent.order_by("sent_at").values_list("sent_at", flat=True)[0]
            message.state = DeliveryState.DEFERRED
            message.next_attempt_at = oldest + timedelta(hours=1)
            message.last_error = "Waiting: the target's hourly cap is reached."
            message.save(update_fields=["state", "next_attempt_at", "last_error"])
            return message
        message.attempts += 1
        try:
            send(message)
        except Exception as error:  # any failure of the mail backend: retry later
            message.last_error = describe_failure(error)
            logger.warning("Message %s not sent: %s", message.pk, message.last_error)
            if message.attempts >= get_setting("MAX_ATTEMPTS"):
                message.state = DeliveryState.FAILED
                message.next_attempt_at = None
            else:
                wait = get_setting("RETRY_BACKOFF") * 2 ** (message.attempts - 1)
                message.state = DeliveryState.DEFERRED
                message.next_attempt_at = now + timedelta(seconds=wait)
        else:
            message.state = DeliveryState.SENT
            message.sent_at = now
            message.next_attempt_at = None
            message.last_error = ""
        message.save()
    return message


def due_messages(now=None):
    """Ids of pending messages whose time has come, oldest first."""
    now = now or timezone.now()
    pending = OutgoingMessage.objects.filter(state__in=DeliveryState.PENDING)
    due = pending.filter(next_attempt_at__isnull=True) | pending.filter(
        next_attempt_at__lte=now
    )
    return list(due.order_by("created_at", "pk").values_list("pk", flat=True))
