"""What happens to a received submission, out of sight of whoever posted it.

The submission route answers every valid request alike and leaves the rest to
``process``, run by a task: drop a robot's row, tell an address that already
took part so (at that address only), or mail a single-use confirmation link.
Only ``confirm`` with that link's token makes the submission count, queues its
messages and lets its newsletter consent take effect. An action that does not
ask for confirmation counts it at once.
"""

import hashlib
import logging
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from caseblocks.conf import from_email, get_setting
from caseblocks.models import Submission, SubmissionState

from .placement import ActionNotFound, find_action
from .store import count_confirmed, has_taken_part

logger = logging.getLogger(__name__)


class LinkInvalid(Exception):
    """No waiting submission has this token: unknown, used, expired or erased."""


class ActionClosed(Exception):
    """The submission's action is no longer open."""

    def __init__(self, placement):
        super().__init__(placement.action_id)
        self.placement = placement


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def confirmation_link(token, language):
    """The link mailed to the supporter: the front-end's, or Casebook's own page."""
    query = urlencode({"token": token, "language": language})
    frontend = settings.CASEBOOK_FRONTEND_URL
    if frontend:
        return f"{frontend.rstrip('/')}/confirm?{query}"
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{reverse('caseblocks:confirm')}?{query}"


def process(submission_id, now):
    """Decide what a received submission leads to; return what was done, or None.

    Each outcome changes the row only if it is still as it was read, and mails
    only then, so two tasks never mail one submission twice.
    """
    submission = Submission.objects.filter(
        pk=submission_id,
        state__in=(SubmissionState.RECEIVED, SubmissionState.DROPPED),
    ).first()
    if submission is None:
        return None
    if submission.state == SubmissionState.DROPPED:
        submission.delete()
        return "dropped"
    try:
        placement = find_action(submission.action_id, submission.language)
    except ActionNotFound:
        # Unpublished meanwhile: nothing goes live by this side door.
        submission.delete()
        return "dropped"
    if not placement.confirm_by_email:
        count_confirmed(submission.pk, placement, now)
        return "counted"
    received = Submission.objects.filter(
        pk=submission.pk, state=SubmissionState.RECEIVED
    )
    if has_taken_part(submission):
        # Nothing else changes: no repeat is stored and nothing counts.
        if received.delete()[0]:
            send_mail(submission, placement, "taken_part", {})
            return "taken_part"
        return None
    token = secrets.token_urlsafe(32)
    hours = get_setting("CONFIRMATION_HOURS")
    updated = received.update(
        state=SubmissionState.PENDING,
        token_hash=hash_token(token),
        expires_at=now + timedelta(hours=hours),
    )
    if not updated:
        return None  # another task got there first
    link = confirmation_link(token, submission.language)
    send_mail(submission, placement, "confirm", {"link": link, "hours": hours})
    return "pending"


def send_mail(submission, placement, kind, context):
    """Mail ``kind`` ("confirm" or "taken_part") to the submission's address only.

    Written in the language of the page version the supporter used. A failure
    is logged without the address: the supporter may simply send the form again.
    """
    context = {**context, "title": page_title(placement)}
    with translation.override(submission.language):
        subject = render_to_string(f"caseblocks/emails/{kind}_subject.txt", context)
        body = render_to_string(f"caseblocks/emails/{kind}_body.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=from_email(),
        to=[submission.email],
    )
    try:
        message.send(fail_silently=False)
    except Exception as error:  # the mail backend's own errors
        logger.warning(
            "Mail %s for submission %s not sent: %s",
            kind,
            submission.pk,
            type(error).__name__,
        )


def page_title(placement):
    from wagtail.models import Page

    return (
        Page.objects.filter(pk=placement.page_id)
        .values_list("title", flat=True)
        .first()
        or ""
    )


def waiting_for(token, now):
    """The submissions waiting, unexpired, for the link holding ``token``."""
    return Submission.objects.filter(
        token_hash=hash_token(token),
        state=SubmissionState.PENDING,
        expires_at__gt=now,
    ).exclude(token_hash="")  # spelt out for SQLite: its partial index needs it


def confirm(token, now):
    """Confirm the submission holding ``token``; return it, counted.

    Raise ``LinkInvalid`` if no submission waits for this token (or it has
    expired), ``ActionClosed`` if its action has closed since.
    """
    waiting = waiting_for(token, now).only("pk", "action_id", "language").first()
    if not token or waiting is None:
        raise LinkInvalid
    try:
        placement = find_action(waiting.action_id, waiting.language)
    except ActionNotFound as error:
        raise LinkInvalid from error
    if not placement.is_open(now):
        raise ActionClosed(placement)
    submission = count_confirmed(waiting.pk, placement, now)
    if submission is None:
        raise LinkInvalid  # confirmed by a request racing this one
    return submission
