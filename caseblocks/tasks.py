"""Background delivery of messages to targets, through django-tasks."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def deliver_submission(submission_id):
    """Send the pending messages of one first submission: one task for all its targets."""
    from caseblocks.actions.delivery import deliver
    from caseblocks.models import DeliveryState, OutgoingMessage

    pending = OutgoingMessage.objects.filter(
        submission_id=submission_id, state__in=DeliveryState.PENDING
    ).order_by("pk")
    states = []
    for message_id in pending.values_list("pk", flat=True):
        states.append(deliver_and_retry(deliver(message_id)))
    return states


@task()
def deliver_message(message_id):
    """Send one message; a failure leaves it deferred with its next attempt set."""
    from caseblocks.actions.delivery import deliver

    return deliver_and_retry(deliver(message_id))


def deliver_and_retry(message):
    if message is not None and message.state == "deferred":
        enqueue(deliver_message, message.pk, run_after=message.next_attempt_at)
    return message.state if message else None


def enqueue_delivery(submission):
    """Ask the task backend to send the messages a submission queued, if any."""
    if submission.queued:
        enqueue(deliver_submission, submission.pk)


def enqueue(pending, object_id, run_after=None):
    """Ask the task backend to run ``pending`` now or at ``run_after``.

    The message row is the queue, so a backend that cannot run tasks later, or
    that fails to enqueue, loses nothing: ``manage.py send_pending_messages``
    sends what is due.
    """
    if run_after is not None:
        if not pending.get_backend().supports_defer:
            return
        pending = pending.using(run_after=run_after)
    try:
        pending.enqueue(object_id)
    except Exception:  # the backend's own errors: the row stays pending
        logger.exception("Could not enqueue %s(%s).", pending.name, object_id)
