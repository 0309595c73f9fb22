"""What an event tells a front-end: public pages in full, hidden pages by id only."""

import json
import socket
import ssl
from urllib.error import URLError

import pytest

from django.db import transaction

from wagtail.models import PageViewRestriction

from cms.lifecycle import Change, ContentChange, announce
from cms.webhooks.events import build_event, encode
from cms.webhooks.models import WebhookDelivery
from cms.webhooks.schemas import WebhookEvent
from cms.webhooks.sending import describe_failure
from cms.webhooks.tasks import deliver_webhook
from tests.factories.pages import CasePageFactory

pytestmark = pytest.mark.django_db


def event_for(kind, *pages):
    return build_event(ContentChange(kind, frozenset(page.pk for page in pages)))


def test_a_page_made_private_is_sent_as_its_id_alone(case_page):
    PageViewRestriction.objects.create(
        page=case_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    body = encode(event_for(Change.RESTRICTED, case_page))
    assert json.loads(body)["pages"] == [
        {"id": case_page.pk, "visible": False, "locale": None, "path": None,
         "api_path": None}
    ]  # fmt: skip
    assert json.loads(body)["locales"] == []
    for private in ("erzhan", "Erzhan", case_page.url_path):
        assert private not in body


def test_an_unpublished_page_is_sent_as_its_id_alone(case_page):
    case_page.unpublish()
    event = event_for(Change.UNPUBLISHED, case_page)
    assert [(page.id, page.visible, page.path) for page in event.pages] == [
        (case_page.pk, False, None)
    ]


def test_a_deleted_page_is_sent_as_its_id_alone(case_page):
    pk = case_page.pk
    case_page.delete()
    event = build_event(
        ContentChange(Change.DELETED, frozenset([pk]), paths={pk: "/en/cases/erzhan/"})
    )
    assert [(page.id, page.visible, page.path) for page in event.pages] == [
        (pk, False, None)
    ]
    assert "erzhan" not in encode(event)


def test_a_draft_is_sent_as_its_id_alone(case_page):
    draft = CasePageFactory(title="Secret draft", slug="secret-draft", live=False)
    event = event_for(Change.RESTRICTED, case_page, draft)
    assert [(page.id, page.visible) for page in event.pages] == [
        (case_page.pk, True),
        (draft.pk, False),
    ]
    assert "ecret" not in encode(event)


def test_a_snippet_change_names_its_model():
    event = build_event(
        ContentChange(Change.SNIPPET, snippet="cms.PartnerOrganisation")
    )
    assert (event.event, event.snippet, event.pages) == (
        "snippet",
        "cms.PartnerOrganisation",
        [],
    )


def test_the_body_follows_the_documented_schema(case_page):
    body = encode(event_for(Change.PUBLISHED, case_page))
    assert WebhookEvent.model_validate_json(body).pages[0].path == "/en/cases/erzhan/"
    assert body == encode(WebhookEvent.model_validate_json(body))  # stable bytes


def test_a_failure_is_retried_by_a_deferred_task(
    settings, endpoint, case_page, django_capture_on_commit_callbacks
):
    from django_tasks import task_backends

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    endpoint.answers = [500]
    endpoint.start()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        announce(ContentChange(Change.PUBLISHED, frozenset([case_page.pk])))
    [delivery] = WebhookDelivery.objects.all()
    [queued] = task_backends["default"].results
    assert (queued.task.name, queued.args) == (deliver_webhook.name, [delivery.pk])

    assert deliver_webhook.call(delivery.pk) == "deferred"
    delivery.refresh_from_db()
    retry = task_backends["default"].results[-1]
    assert retry.args == [delivery.pk]
    assert retry.task.run_after == delivery.next_attempt_at


def test_a_failing_subscriber_does_not_raise(
    settings, endpoint, case_page, monkeypatch, caplog
):
    from cms.lifecycle import content_changed
    from cms.webhooks import subscribers

    def broken(change):
        raise RuntimeError("database gone")

    monkeypatch.setattr(subscribers, "record_deliveries", broken)
    change = ContentChange(Change.PUBLISHED, frozenset([case_page.pk]))
    content_changed.send(sender=ContentChange, change=change)
    assert "Could not record the webhooks" in caplog.text


@pytest.mark.parametrize(
    ("error", "described"),
    [
        (TimeoutError("read timed out"), "Timed out"),
        (URLError(ConnectionRefusedError(111, "refused")), "Connection refused"),
        (URLError(socket.gaierror(-2, "Name not known")), "Host not found"),
        (
            URLError(ssl.SSLCertVerificationError("bad cert for x.example")),
            "TLS failed",
        ),
        (URLError("unknown url type: http://x.example/?token=t0ken"), "URLError"),
        (ValueError("http://x.example/?token=t0ken"), "ValueError"),
    ],
)
def test_a_failure_is_described_by_its_kind_alone(error, described):
    assert describe_failure(error) == described
