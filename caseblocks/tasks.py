"""Background delivery of messages to targets, through django-tasks."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def deliver_message(message_id):
    """Send one message; a failure leaves it deferred with its next attempt set."""
    from caseblocks.actions.delivery import deliver

    message = deliver(message_id)
    if message is not None and message.state == "deferred":
        enqueue_delivery(message.pk, run_after=message.next_attempt_at)
    return message.state if message else None


def enqueue_delivery(message_id, run_after=None):
    """Ask the task backend to send a message, now or at ``run_after``.

    The message row is the queue, so a backend that cannot run tasks later, or
    that fails to enqueue, loses nothing: ``manage.py send_pending_messages``
    sends what is due.
    """
    pending = deliver_message
    if run_after is not None:
        if not pending.get_backend().supports_defer:
            return
        pending = pending.using(run_after=run_after)
    try:
        pending.enqueue(message_id)
    except Exception:  # the backend's own errors: the row stays pending
        logger.exception("Could not enqueue the delivery of message %s.", message_id)
