"""Storing a submission: first or repeat, the counter, and the messages to targets."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from caseblocks.blocks.actions import ActionKind
from caseblocks.models import ActionCounter, Submission

from .delivery import compose_messages
from .identity import email_fingerprint


def store_submission(placement, data, now=None):
    """Store one submission of valid ``data`` for ``placement``; return it.

    The first submission of a supporter (by e-mail fingerprint) counts and, for
    an e-mail action, queues one message per target; a repeat is stored with its
    rank and does neither. Both happen in one transaction with the counter
    update, so the count is exact however many requests race.
    """
    now = now or timezone.now()
    fields = {
        "action_id": placement.action_id,
        "page": placement.page,
        "language": placement.language,
        "name": data["name"],
        "email": data["email"],
        "country": data["country"],
        "message": data["message"],
        "consent_text": placement.value["consent_text"],
        "consented_at": now,
        "newsletter": data["newsletter"],
        "fingerprint": email_fingerprint(data["email"]),
        "created_at": now,
    }
    with transaction.atomic():
        try:
            with transaction.atomic():
                submission = Submission.objects.create(**fields, is_first=True)
        except IntegrityError:
            earlier = Submission.objects.filter(
                action_id=placement.action_id, fingerprint=fields["fingerprint"]
            ).count()
            submission = Submission.objects.create(
                **fields, is_first=False, rank=earlier + 1
            )
        count_submission(placement.action_id, submission.is_first)
        if submission.is_first and placement.value["kind"] == ActionKind.EMAIL:
            submission.queued = compose_messages(submission, placement)
        else:
            submission.queued = []
    return submission


def count_submission(action_id, is_first):
    """Add one submission, and one supporter if first, to the action's counter row."""
    counter = ActionCounter.objects.filter(action_id=action_id)
    increments = {
        "supporters": F("supporters") + int(is_first),
        "submissions": F("submissions") + 1,
    }
    if not counter.update(**increments):
        # The action's first submission: get_or_create survives a race for it.
        ActionCounter.objects.get_or_create(action_id=action_id)
        counter.update(**increments)


def supporter_count(action_id):
    """The exact number of supporters, read from the counter row."""
    return (
        ActionCounter.objects.filter(action_id=action_id)
        .values_list("supporters", flat=True)
        .first()
        or 0
    )
