"""An action closes with its page's campaign, and opens again with it."""

import io

import pytest

from django.core.management import call_command

from caseblocks.models import Submission
from cms.models import CasePage

from .conftest import ACTION_ID, publish_case

pytestmark = pytest.mark.django_db

ENDED = {"campaign_state": "won", "campaign_closed_text": "He is free. Thank you."}


def detail(client):
    return client.get(f"/api/v1/actions/{ACTION_ID}/").json()


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_action_on_an_ended_campaign_is_closed_with_the_page_text(client):
    publish_case(page_fields=ENDED)

    body = detail(client)

    assert body["state"] == "closed"
    assert body["closed_text"] == "He is free. Thank you."
    assert body["mailto"] is None


def test_submission_to_an_ended_campaign_is_409_and_stores_nothing(submit):
    publish_case(page_fields=ENDED)

    response = submit()

    assert response.status_code == 409
    assert response.json()["closed_text"] == "He is free. Thank you."
    assert not Submission.objects.exists()


def test_block_closed_text_is_used_when_the_page_has_none(client, action_page):
    # Editors must give a text; an imported page may still come without one.
    CasePage.objects.filter(pk=action_page.pk).update(
        campaign_state="concluded", campaign_closed_text=""
    )
    call_command("refresh_placed_actions", stdout=io.StringIO())

    body = detail(client)

    assert body["state"] == "closed"
    assert body["closed_text"] == "This campaign is concluded."


def test_ending_the_campaign_closes_an_action_already_looked_up(
    client, submit, action_page
):
    assert detail(client)["state"] == "open"  # the lookup is now cached

    republish(action_page, campaign_state="concluded", campaign_closed_text="Over.")

    assert detail(client)["state"] == "closed"
    assert submit().status_code == 409


def test_republishing_with_the_campaign_active_reopens_it(client, submit):
    page = publish_case(page_fields=ENDED)
    assert submit().status_code == 409

    republish(page, campaign_state="active")

    body = detail(client)
    assert (body["state"], body["closed_text"]) == ("open", None)
    assert submit().status_code == 202
    assert Submission.objects.count() == 1


def test_a_draft_ending_the_campaign_changes_nothing(client, action_page):
    action_page.campaign_state = "concluded"
    action_page.campaign_closed_text = "Over."
    action_page.save_revision()

    assert detail(client)["state"] == "open"
