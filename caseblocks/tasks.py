"""Background work of the action forms, through django-tasks.

Received submissions are rows in the ``received`` (or ``dropped``) state, and
confirmed first submissions store their messages as queued rows: the rows are
the queues. ``process_received_submissions`` decides every received submission,
and ``deliver_due_messages`` sends every message that is due, so one task serves
every submission that arrived while it waited: a request asks for a task only
when none is waiting (a flag in the shared cache), instead of writing a task of
its own on every request.
"""

import logging
import time

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

# Set while a delivery task is waiting to start. It expires on its own, so a task
# that is lost with its flag set holds up the next one for this long at most.
WAITING_FLAG = "caseblocks:delivery-task-waiting"
WAITING_FLAG_SECONDS = 10
RECEIVED_FLAG = "caseblocks:received-task-waiting"
# How long a task run by a worker waits, once it has cleared the flag, before it
# reads: a request that saw the flag set just before relies on this task, and
# its INSERT commits within milliseconds (``received_flag``).
SETTLE_SECONDS = 1.0


@task()
def process_received_submissions(settle_seconds=0):
    """Decide each received submission, oldest first (``confirmation.process``)."""
    from caseblocks.actions.confirmation import process
    from caseblocks.models import Submission, SubmissionState

    # Cleared before reading: a submission stored after this line asks for a new task.
    cache.delete(RECEIVED_FLAG)
    time.sleep(settle_seconds)
    waiting = Submission.objects.filter(
        state__in=(SubmissionState.RECEIVED, SubmissionState.DROPPED)
    ).order_by("pk")
    outcomes = []
    for submission_id in waiting.values_list("pk", flat=True):
        outcome = process(submission_id, timezone.now())
        outcomes.append(outcome)
        if outcome == "counted":
            enqueue_delivery_task()
    return outcomes


@task()
def deliver_due_messages():
    """Send the pending messages whose time has come, oldest first."""
    from caseblocks.actions.delivery import deliver, due_messages

    # Cleared before reading: a message stored after this line asks for a new task.
    cache.delete(WAITING_FLAG)
    return [deliver_and_retry(deliver(message_id)) for message_id in due_messages()]


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
    """Make sure a delivery task will see the messages ``submission`` queued.

    Called once the submission is confirmed and committed. If a task is already
    waiting to start, it will read them; otherwise one is enqueued.
    """
    if submission.queued:
        enqueue_delivery_task()


def enqueue_delivery_task():
    if cache.add(WAITING_FLAG, 1, WAITING_FLAG_SECONDS):
        enqueue(deliver_due_messages)


def received_flag():
    """``(key, seconds)`` of the flag set while a task waits to decide received
    submissions, for a request to add in the round trip it makes anyway.

    Added before the submission's INSERT, it may be found set by a task that
    starts before that INSERT commits; the task waits ``SETTLE_SECONDS`` after
    clearing it before it reads, so such a submission is still in its reach.
    """
    return RECEIVED_FLAG, WAITING_FLAG_SECONDS


def enqueue_processing(flag_added=None):
    """Make sure a task will decide the submission just received (and committed).

    ``flag_added`` says whether the request added ``received_flag`` already;
    None adds it now. The same for every accepted request, whatever the
    submission turns out to be.
    """
    if flag_added is None:
        flag_added = cache.add(RECEIVED_FLAG, 1, WAITING_FLAG_SECONDS)
    if flag_added:
        backend = process_received_submissions.get_backend()
        settle = 0 if isinstance(backend, ImmediateBackend) else SETTLE_SECONDS
        enqueue(process_received_submissions, settle)


def enqueue(pending, *args, run_after=None):
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
        pending.enqueue(*args)
    except Exception:  # the backend's own errors: the row stays pending
        logger.exception("Could not enqueue %s%s.", pending.name, args)
        if pending is deliver_due_messages:
            cache.delete(WAITING_FLAG)
        if pending is process_received_submissions:
            cache.delete(RECEIVED_FLAG)
