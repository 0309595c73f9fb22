"""The webhooks hear the one content event (cms.lifecycle), nothing else."""

import logging

from cms.lifecycle import content_changed

from .events import record_deliveries
from .tasks import enqueue

logger = logging.getLogger(__name__)


def send_webhooks_on_change(sender, change, **kwargs):
    """Record one delivery per endpoint and ask a task to send each.

    Runs after the change committed. It must not raise (cms/lifecycle.py): a
    failure here is logged, and the change still reaches the other subscribers.
    """
    try:
        deliveries = record_deliveries(change)
    except Exception:
        logger.exception("Could not record the webhooks of a %s change.", change.kind)
        return
    for delivery in deliveries:
        enqueue(delivery.pk)


def register_subscribers():
    content_changed.connect(send_webhooks_on_change, dispatch_uid="webhooks_send")
