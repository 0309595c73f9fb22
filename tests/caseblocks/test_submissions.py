"""Taking part in an action: what is accepted, refused and stored."""

import datetime

import pytest

from django.core import mail
from django.utils import timezone

from caseblocks.models import ActionCounter, Submission

from .conftest import ACTION_ID, publish_case, supporter

pytestmark = pytest.mark.django_db


def test_first_submission_is_stored_with_consent_wording(action_page, submit):
    response = submit(supporter(newsletter=True, message="Let him go."))

    assert response.status_code == 202
    assert (
        response.json()["confirmation_text"] == "Thank you: your message is on its way."
    )
    stored = Submission.objects.get()
    assert stored.action_id == ACTION_ID
    assert stored.page_id == action_page.pk
    assert stored.consent_text == "I agree that my name is sent with this message."
    assert stored.consented_at is not None
    assert stored.newsletter is True
    assert stored.message == "Let him go."
    assert (stored.is_first, stored.rank) == (True, 1)


def test_client_address_is_not_stored(action_page, submit):
    submit(REMOTE_ADDR="203.0.113.7")

    row = Submission.objects.values().get()
    assert not any("203.0.113.7" in str(value) for value in row.values())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-address"),
        ("country", "Italy"),
        ("country", "XX"),
        ("name", ""),
        ("name", 42),
        ("consent", False),
        ("consent", "yes"),
        ("newsletter", "true"),
    ],
)
def test_invalid_field_is_named(action_page, submit, field, value):
    response = submit(supporter(**{field: value}))

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]
    assert not Submission.objects.exists()


def test_missing_consent_is_refused_not_assumed(action_page, submit):
    data = supporter()
    del data["consent"]

    response = submit(data)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "consent"


def test_each_field_at_fault_is_named(action_page, submit):
    response = submit({"email": "nope", "consent": True})

    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"name", "email", "country"}


def test_message_is_bounded(action_page, submit, actions_settings):
    actions_settings.CASEBOOK_ACTIONS = {
        **actions_settings.CASEBOOK_ACTIONS,
        "MESSAGE_MAX_LENGTH": 50,
    }
    response = submit(supporter(message="x" * 51))

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "message"


def test_body_that_is_not_a_json_object_is_refused(action_page, client):
    response = client.post(
        f"/api/v1/actions/{ACTION_ID}/submissions",
        data="[1]",
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_unknown_action_is_404(db, submit):
    assert submit(action_id="nothing-here").status_code == 404


def test_action_on_unpublished_page_is_404(action_page, submit):
    action_page.unpublish()

    assert submit().status_code == 404


def test_action_only_in_a_draft_is_404(db, submit):
    page = publish_case(action_id="other")
    draft = page.get_latest_revision_as_object()
    draft.body = [
        {
            "type": "action_form",
            "value": {
                **page.body[0].block.get_prep_value(page.body[0].value),
                "action_id": "draft-only",
            },
        }
    ]
    draft.save_revision()

    assert submit(action_id="draft-only").status_code == 404


def test_action_on_private_page_is_404(action_page, submit):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=action_page, restriction_type=PageViewRestriction.LOGIN
    )

    assert submit().status_code == 404


def test_closed_action_is_409_with_closed_text(db, submit):
    publish_case(closes_at=timezone.now() - datetime.timedelta(days=1))

    response = submit()

    assert response.status_code == 409
    assert response.json()["closed_text"] == "This campaign is concluded."
    assert not Submission.objects.exists()


def test_action_not_yet_open_is_409(db, submit):
    publish_case(opens_at=timezone.now() + datetime.timedelta(days=1))

    assert submit().status_code == 409


@pytest.mark.parametrize(
    "spelling",
    [
        "Anna.Rossi+petition@gmail.com",
        "annarossi@googlemail.com",
        "ANNAROSSI@GMAIL.COM",
    ],
)
def test_repeat_is_told_and_not_counted(action_page, submit, spelling):
    first = submit(supporter(email="anna.rossi@gmail.com"))
    repeat = submit(supporter(email=spelling))

    assert repeat.status_code == first.status_code == 202
    assert repeat.content == first.content
    ranks = list(Submission.objects.order_by("pk").values_list("is_first", "rank"))
    assert ranks == [(True, 1)]
    assert ActionCounter.objects.totals(ACTION_ID) == {
        "supporters": 1,
        "submissions": 1,
        "expired": 0,
    }
    [told] = [m for m in mail.outbox if m.to[0].lower() == spelling.lower()]
    assert "already taken part" in told.body


@pytest.mark.parametrize("spelling", ["Anna.Rossi+petition@gmail.com"])
def test_repeat_without_confirmation_is_stored_with_rank(db, submit, spelling):
    publish_case(confirm_by_email=False)
    submit(supporter(email="anna.rossi@gmail.com"))
    submit(supporter(email=spelling))

    ranks = list(Submission.objects.order_by("pk").values_list("is_first", "rank"))
    assert ranks == [(True, 1), (False, 2)]
    assert ActionCounter.objects.totals(ACTION_ID) == {
        "supporters": 1,
        "submissions": 2,
        "expired": 0,
    }


def test_different_supporters_are_each_counted(action_page, submit):
    submit(supporter(email="a@example.org"))
    submit(supporter(email="b@example.org"))

    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 2


def test_honeypot_answers_like_success_and_stores_nothing(action_page, submit):
    real = submit(supporter(email="real@example.org"))
    robot = submit(supporter(email="robot@example.org", website="http://spam.example"))

    assert robot.status_code == real.status_code == 202
    assert robot.content == real.content
    assert list(Submission.objects.values_list("email", flat=True)) == [
        "real@example.org"
    ]
