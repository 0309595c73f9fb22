"""Sending one delivery: the signed POST, its outcome, and when to try again."""

import http.client
import logging
import socket
import ssl
import time
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from .conf import endpoint, get_setting
from .models import WAITING, DeliveryState, WebhookDelivery
from .signing import HEADER, signature_header

logger = logging.getLogger(__name__)

USER_AGENT = "Casebook-Webhooks/1"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not an order: the body and signature go only
    where the settings say."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def post(target, body, timestamp):
    """POST ``body`` to ``target``; return the status code.

    Raise on a network failure. Only the status is read: the receiver's answer
    is neither stored nor logged.
    """
    if urlsplit(target.url).scheme not in ("http", "https"):
        raise ValueError("Not an http(s) URL.")  # never file:// or ftp://
    data = body.encode()
    request = urllib.request.Request(  # noqa: S310  (the scheme is checked above)
        target.url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            HEADER: signature_header(target.secret, timestamp, data),
        },
    )
    try:
        with OPENER.open(request, timeout=get_setting("TIMEOUT")) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def describe_failure(error):
    """What staff see of a network failure: its kind, never its text (which can
    quote the URL and its query)."""
    reason = getattr(error, "reason", None)
    if not isinstance(reason, BaseException):
        reason = error
    if isinstance(reason, TimeoutError):
        return "Timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "Connection refused"
    if isinstance(reason, socket.gaierror):
        return "Host not found"
    if isinstance(reason, ssl.SSLError):
        return "TLS failed"
    return type(reason).__name__


def backoff(attempts):
    """Seconds to wait after the ``attempts``-th failed attempt: doubling, capped."""
    wait = get_setting("RETRY_BACKOFF") * 2 ** (attempts - 1)
    return min(wait, get_setting("MAX_BACKOFF"))


def deliver(delivery_id, now=None):
    """Try to send one waiting delivery; return it, or None if it is not waiting.

    The row is locked while it is sent, so two workers never send it at once.
    A delivery not yet due is left as it is. A failure defers it by
    ``backoff(attempts)``, until ``MAX_ATTEMPTS`` marks it failed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id, state__in=WAITING)
            .first()
        )
        if delivery is None:
            return None
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return delivery
        attempt(delivery, now)
        delivery.save()
    return delivery


def attempt(delivery, now):
    target = endpoint(delivery.endpoint)
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.status_code = None
    if target is None:
        delivery.last_error = "The endpoint is no longer configured"
        give_up(delivery)
        return
    try:
        status = post(target, delivery.body, int(time.time()))
    except (OSError, http.client.HTTPException, ValueError) as error:
        # the network, a garbled answer, or a URL urllib cannot open
        delivery.last_error = describe_failure(error)
    else:
        delivery.status_code = status
        if 200 <= status < 300:
            delivery.state = DeliveryState.DELIVERED
            delivery.delivered_at = now
            delivery.next_attempt_at = None
            delivery.last_error = ""
            return
        delivery.last_error = f"HTTP {status}"
    logger.warning(
        "Webhook delivery %s to %s failed: %s",
        delivery.pk,
        delivery.endpoint,
        delivery.last_error,
    )
    if delivery.attempts >= get_setting("MAX_ATTEMPTS"):
        give_up(delivery)
    else:
        delivery.state = DeliveryState.DEFERRED
        delivery.next_attempt_at = now + timedelta(seconds=backoff(delivery.attempts))


def give_up(delivery):
    delivery.state = DeliveryState.FAILED
    delivery.next_attempt_at = None


def due_deliveries(now=None):
    """Ids of waiting deliveries whose time has come, oldest first."""
    now = now or timezone.now()
    waiting = WebhookDelivery.objects.filter(state__in=WAITING)
    due = waiting.filter(next_attempt_at__isnull=True) | waiting.filter(
        next_attempt_at__lte=now
    )
    return list(due.order_by("created_at", "pk").values_list("pk", flat=True))


def prune_finished(now=None):
    """Delete delivered and given-up deliveries older than ``KEEP_DAYS``."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=get_setting("KEEP_DAYS"))
    finished = WebhookDelivery.objects.exclude(state__in=WAITING)
    return finished.filter(created_at__lt=cutoff).delete()[0]
