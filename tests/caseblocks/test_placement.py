"""The lookup of placed actions follows publishing, and the tasks lose nothing."""

import io

import pytest

from django.core import mail
from django.core.management import call_command

from caseblocks.actions.placement import ActionNotFound, action_blocks, find_action
from caseblocks.models import DeliveryState, OutgoingMessage, PlacedAction
from cms.models import CasePage
from tests.factories import CasePageFactory

from .conftest import (
    ACTION_ID,
    action_value,
    confirm_token,
    publish_case,
    supporter,
)

pytestmark = pytest.mark.django_db


def test_publishing_places_the_action(action_page):
    assert list(PlacedAction.objects.values_list("action_id", "page_id")) == [
        (ACTION_ID, action_page.pk)
    ]
    assert find_action(ACTION_ID).page_id == action_page.pk


def test_republishing_without_the_form_removes_it(action_page):
    action_page.body = []
    action_page.save_revision().publish()

    assert not PlacedAction.objects.exists()
    with pytest.raises(ActionNotFound):
        find_action(ACTION_ID)


def test_unpublishing_removes_it(action_page):
    action_page.unpublish()

    assert not PlacedAction.objects.exists()


def test_deleting_the_page_removes_it(action_page):
    action_page.delete()

    assert not PlacedAction.objects.exists()


def test_refresh_command_finds_pages_never_published_through_revisions(db):
    page = CasePageFactory(body=[{"type": "action_form", "value": action_value()}])
    assert not PlacedAction.objects.exists()

    call_command("refresh_placed_actions", stdout=io.StringIO())

    assert PlacedAction.objects.get().page_id == page.pk


def test_block_value_is_read_from_the_live_page_not_the_draft(action_page):
    draft = action_page.get_latest_revision_as_object()
    draft.body = [{"type": "action_form", "value": action_value(goal=5)}]
    draft.save_revision()

    assert find_action(ACTION_ID).value["goal"] == 1000


def test_lost_task_leaves_messages_queued_for_the_command(
    action_page, submit, settings, client, mailed_links
):
    # The dummy backend stores tasks and never runs them: a worker that is down.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    submit(supporter())
    assert mail.outbox == []

    # The command decides the received submission: the link is mailed.
    call_command("send_pending_messages", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["anna.rossi@example.org"]]
    assert confirm_token(client, mailed_links[-1]).status_code == 200
    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {
        DeliveryState.QUEUED
    }
    mail.outbox.clear()

    call_command("send_pending_messages", stdout=io.StringIO())

    assert len(mail.outbox) == 2
    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {
        DeliveryState.SENT
    }


def test_failed_delivery_is_retried_later_by_a_deferring_backend(
    action_page, submit, settings
):
    from django_tasks import default_task_backend

    from caseblocks.tasks import deliver_message

    settings.EMAIL_BACKEND = "tests.caseblocks.test_delivery.DownBackend"
    submit(supporter())
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()
    message = OutgoingMessage.objects.first()

    deliver_message.call(message.pk)

    retries = [r for r in default_task_backend.results if r.task.run_after]
    assert len(retries) == 1
    message.refresh_from_db()
    assert retries[0].task.run_after == message.next_attempt_at
    assert retries[0].args == [message.pk]


def test_action_in_another_language_is_preferred_when_asked(action_page):
    from wagtail.models import Locale

    italian = Locale.objects.get_or_create(language_code="it")[0]
    page = publish_case(
        page_fields={"locale": italian, "translation_key": action_page.translation_key},
        consent_text="Acconsento.",
    )

    assert find_action(ACTION_ID, "it").page_id == page.pk
    assert find_action(ACTION_ID, "ru").page_id == action_page.pk


def test_action_in_a_language_without_a_version_answers_from_its_source(client):
    """The source page's language, not the oldest page's, stands in."""
    from django.apps import apps

    from wagtail.models import Locale

    if not apps.is_installed("wagtail_localize"):
        pytest.skip("the source locale is recorded by the translation plugin")
    from wagtail_localize.models import TranslationSource

    italian = Locale.objects.get_or_create(language_code="it")[0]
    older = publish_case(page_fields={"locale": italian}, consent_text="Acconsento.")
    source = publish_case(page_fields={"translation_key": older.translation_key})
    TranslationSource.get_or_create_from_instance(source)

    assert older.pk < source.pk
    assert find_action(ACTION_ID, "it").page_id == older.pk
    assert find_action(ACTION_ID, "ru").page_id == source.pk
    assert find_action(ACTION_ID).page_id == source.pk
    response = client.get(f"/api/v1/actions/{ACTION_ID}/?language=ru")
    assert response.json()["language"] == "en"
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]


def test_an_unchanged_lookup_reuses_the_placement_made_from_it(
    action_page, monkeypatch
):
    from caseblocks.actions import placement

    first = find_action(ACTION_ID)
    made = []
    to_python = placement.ACTION_FORM.to_python
    monkeypatch.setattr(
        placement.ACTION_FORM,
        "to_python",
        lambda value: made.append(value) or to_python(value),
    )

    again = find_action(ACTION_ID)

    assert again is first
    assert made == []


def test_a_republished_action_is_made_anew(action_page, submit):
    before = submit(supporter(email="a@example.org")).json()["confirmation_text"]
    action_page.body = [
        {"type": "action_form", "value": action_value(confirmation_text="Thanks!")}
    ]
    action_page.save_revision().publish()

    after = submit(supporter(email="b@example.org")).json()["confirmation_text"]

    assert (before, after) == ("Thank you: your message is on its way.", "Thanks!")


def test_a_publish_builds_only_the_action_forms_of_a_body(db, monkeypatch):
    quote = {"text": "I am not guilty.", "speaker": "Erkin Musaev"}
    page = CasePageFactory(
        live=False,
        body=[
            {"type": "quote", "value": quote},
            {"type": "action_form", "value": action_value()},
        ],
    )
    page.save_revision().publish()
    stored = CasePage.objects.get(pk=page.pk)  # its body as read from the database
    built = []
    quote_block = CasePage.body.field.stream_block.child_blocks["quote"]
    convert = quote_block.bulk_to_python
    monkeypatch.setattr(
        quote_block,
        "bulk_to_python",
        lambda values: built.extend(values) or convert(values),
    )

    assert [value["action_id"] for _block, value in action_blocks(stored)] == [
        ACTION_ID
    ]
    assert built == []
