"""Background sending of webhooks, through django-tasks.

The delivery rows are the queue: a task sends one delivery and, when it fails,
asks the backend to run it again once its wait is over. A backend that cannot
run a task later (the immediate one) or that fails to enqueue loses nothing:
``manage.py send_webhooks``, from cron, sends every delivery that is due.
"""

import logging

from django_tasks import task

from .models import DeliveryState

logger = logging.getLogger(__name__)


@task()
def deliver_webhook(delivery_id):
    """Send one delivery; a failure leaves it deferred with its next attempt set."""
    from .sending import deliver

    delivery = deliver(delivery_id)
    if delivery is not None and delivery.state == DeliveryState.DEFERRED:
        enqueue(delivery.pk, run_after=delivery.next_attempt_at)
    return delivery.state if delivery else None


def enqueue(delivery_id, run_after=None):
    pending = deliver_webhook
    if run_after is not None:
        if not pending.get_backend().supports_defer:
            return
        pending = pending.using(run_after=run_after)
    try:
        pending.enqueue(delivery_id)
    except Exception:  # the backend's own errors: the row stays waiting
        logger.exception("Could not enqueue webhook delivery %s.", delivery_id)
