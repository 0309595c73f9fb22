"""Webhooks reach a real HTTP server on loopback, signed, and are retried with backoff."""

import json
from datetime import timedelta

import pytest

from django.db import transaction
from django.utils import timezone

from cms.lifecycle import Change, ContentChange, announce
from cms.webhooks.models import DeliveryState, WebhookDelivery
from cms.webhooks.sending import backoff, deliver

pytestmark = pytest.mark.django_db(transaction=True)


def publish_event(*pages, kind=Change.PUBLISHED):
    """The content event, as core sends it: after the transaction commits."""
    with transaction.atomic():
        announce(ContentChange(kind, frozenset(page.pk for page in pages)))


def only_delivery():
    [delivery] = WebhookDelivery.objects.all()
    return delivery


def test_an_event_is_posted_signed_and_recorded_as_delivered(endpoint, case_page):
    endpoint.start()
    publish_event(case_page)

    [request] = endpoint.requests
    assert request["verified"]  # checked with docs/webhooks.md's own code
    assert request["headers"]["Content-Type"] == "application/json"
    body = json.loads(request["body"])
    assert body["event"] == "published"
    assert body["pages"] == [
        {
            "id": case_page.pk,
            "visible": True,
            "locale": "en",
            "path": "/en/cases/erzhan/",
            "api_path": f"/api/v1/pages/{case_page.pk}/",
        }
    ]
    assert body["locales"] == ["en"]
    delivery = only_delivery()
    assert delivery.state == DeliveryState.DELIVERED
    assert (delivery.attempts, delivery.status_code) == (1, 200)
    assert delivery.endpoint == "static-site"
    assert delivery.page_ids == [case_page.pk]
    assert str(delivery.event_id) == body["id"]


def test_a_500_is_retried_after_the_backoff_with_the_same_body(endpoint, case_page):
    endpoint.answers = [500]
    endpoint.start()
    before = timezone.now()
    publish_event(case_page)

    delivery = only_delivery()
    assert delivery.state == DeliveryState.DEFERRED
    assert (delivery.attempts, delivery.status_code) == (1, 500)
    assert delivery.last_error == "HTTP 500"
    assert "secret receiver words" not in delivery.last_error
    wait = delivery.next_attempt_at - before
    assert timedelta(seconds=10) <= wait < timedelta(seconds=12)

    assert deliver(delivery.pk).state == DeliveryState.DEFERRED  # not due yet
    assert len(endpoint.requests) == 1

    delivery = deliver(delivery.pk, now=delivery.next_attempt_at)
    assert delivery.state == DeliveryState.DELIVERED
    assert (delivery.attempts, delivery.status_code, delivery.last_error) == (
        2,
        200,
        "",
    )
    first, second = endpoint.requests
    assert first["body"] == second["body"]
    assert second["verified"]


def test_a_server_down_for_a_while_gets_the_event_once_it_is_up(endpoint, case_page):
    publish_event(case_page)  # nothing listens on the port yet
    delivery = only_delivery()
    now = timezone.now()
    waits = []
    for _attempt in range(3):
        assert delivery.state == DeliveryState.DEFERRED
        assert delivery.last_error == "Connection refused"
        assert delivery.status_code is None
        waits.append(delivery.next_attempt_at - delivery.last_attempt_at)
        now = delivery.next_attempt_at
        delivery = deliver(delivery.pk, now=now)
    assert waits == [timedelta(seconds=s) for s in (10, 20, 40)]

    endpoint.start()
    delivery = deliver(delivery.pk, now=delivery.next_attempt_at)
    assert delivery.state == DeliveryState.DELIVERED
    assert delivery.attempts == 5
    [request] = endpoint.requests
    assert request["verified"]


def test_a_slow_server_times_out_and_is_tried_again(endpoint, case_page):
    endpoint.delay = 2  # the endpoint's TIMEOUT is half a second
    endpoint.start()
    publish_event(case_page)

    delivery = only_delivery()
    assert delivery.state == DeliveryState.DEFERRED
    assert delivery.last_error == "Timed out"
    endpoint.delay = 0
    delivery = deliver(delivery.pk, now=delivery.next_attempt_at)
    assert delivery.state == DeliveryState.DELIVERED


def test_a_redirect_is_not_followed(endpoint, case_page):
    endpoint.answers = [302]
    endpoint.location = endpoint.url + "/elsewhere"
    endpoint.start()
    publish_event(case_page)
    assert len(endpoint.requests) == 1
    delivery = only_delivery()
    assert (delivery.state, delivery.status_code) == (DeliveryState.DEFERRED, 302)


def test_the_wait_doubles_up_to_its_cap_and_attempts_end(settings, endpoint, case_page):
    assert [backoff(n) for n in range(1, 7)] == [10, 20, 40, 60, 60, 60]
    endpoint.answers = [503] * 10
    endpoint.start()
    publish_event(case_page)
    delivery = only_delivery()
    while delivery.state == DeliveryState.DEFERRED:
        delivery = deliver(delivery.pk, now=delivery.next_attempt_at)
    assert delivery.state == DeliveryState.FAILED
    assert delivery.attempts == 5  # MAX_ATTEMPTS
    assert delivery.next_attempt_at is None
    assert len(endpoint.requests) == 5
    assert deliver(delivery.pk) is None  # given up: never sent again


def test_a_wrong_secret_is_refused_by_the_receiver(settings, endpoint, case_page):
    settings.CASEBOOK_WEBHOOKS["ENDPOINTS"][0]["SECRET"] = "not-the-shared-one"
    endpoint.start()
    publish_event(case_page)
    [request] = endpoint.requests
    assert not request["verified"]
    assert only_delivery().status_code == 401


def test_every_endpoint_gets_its_own_delivery(settings, endpoint, case_page):
    from .conftest import SECRET
    from .receiver import Receiver

    other = Receiver(SECRET).start()
    try:
        settings.CASEBOOK_WEBHOOKS["ENDPOINTS"].append(
            {"NAME": "next-site", "URL": other.url, "SECRET": SECRET}
        )
        endpoint.start()
        publish_event(case_page)
    finally:
        other.stop()
    assert len(endpoint.requests) == len(other.requests) == 1
    assert sorted(WebhookDelivery.objects.values_list("endpoint", flat=True)) == [
        "next-site",
        "static-site",
    ]


def test_nothing_is_recorded_without_endpoints(settings, case_page):
    settings.CASEBOOK_WEBHOOKS = {"ENDPOINTS": []}
    publish_event(case_page)
    assert not WebhookDelivery.objects.exists()


def test_send_webhooks_sends_what_is_due(endpoint, case_page):
    from django.core.management import call_command

    publish_event(case_page)  # down: deferred
    delivery = only_delivery()
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    endpoint.start()
    call_command("send_webhooks")
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.DELIVERED


def test_send_webhooks_deletes_old_finished_deliveries_only(settings, endpoint):
    from django.core.management import call_command

    old = timezone.now() - timedelta(days=31)
    for state in DeliveryState.values:
        WebhookDelivery.objects.create(
            event_id="4d6f1c1e-3f0e-4a53-9d0b-2f3c2f1f6c11",
            kind="published",
            endpoint="static-site",
            body="{}",
            state=state,
            next_attempt_at=timezone.now() + timedelta(hours=1),
        )
    WebhookDelivery.objects.update(created_at=old)
    call_command("send_webhooks")
    assert sorted(WebhookDelivery.objects.values_list("state", flat=True)) == [
        "deferred",
        "pending",
    ]
