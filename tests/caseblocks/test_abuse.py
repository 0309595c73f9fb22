"""Abuse defence: rate limits per address and per supporter, honeypot, captcha."""

from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from caseblocks.actions import captcha
from caseblocks.models import Submission

from .conftest import publish_case, supporter

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(actions_settings):
    def set_limits(**rules):
        actions_settings.CASEBOOK_ACTIONS = {
            **actions_settings.CASEBOOK_ACTIONS,
            "RATE_LIMITS": rules,
        }

    return set_limits


def test_address_limit_answers_429_with_retry_after(action_page, submit, limits):
    limits(ADDRESS=["2/60"], EMAIL=["1000/60"])

    statuses = [
        submit(
            supporter(email=f"s{n}@example.org"), REMOTE_ADDR="198.51.100.1"
        ).status_code
        for n in range(3)
    ]

    assert statuses == [202, 202, 429]
    blocked = submit(supporter(email="s9@example.org"), REMOTE_ADDR="198.51.100.1")
    assert 0 < int(blocked["Retry-After"]) <= 61
    assert Submission.objects.count() == 2


def test_address_limit_is_per_address(action_page, submit, limits):
    limits(ADDRESS=["1/60"], EMAIL=["1000/60"])

    first = submit(supporter(email="a@example.org"), REMOTE_ADDR="198.51.100.1")
    other = submit(supporter(email="b@example.org"), REMOTE_ADDR="198.51.100.2")

    assert (first.status_code, other.status_code) == (202, 202)


def test_email_limit_applies_to_every_spelling(action_page, submit, limits):
    limits(ADDRESS=["1000/60"], EMAIL=["2/3600"])

    answers = [
        submit(supporter(email=email), REMOTE_ADDR=f"198.51.100.{n}", confirm=False)
        for n, email in enumerate(
            ["ann.a@gmail.com", "anna+x@gmail.com", "ANNA@googlemail.com"]
        )
    ]

    # The third is over the address's limit: not kept, nothing mailed, and
    # answered like the others, so nobody learns that the address was used lately.
    assert [answer.status_code for answer in answers] == [202, 202, 202]
    assert answers[2].json() == answers[0].json()
    assert Submission.objects.count() == 2
    assert [m.to for m in mail.outbox] == [["ann.a@gmail.com"], ["anna+x@gmail.com"]]


def test_rate_limit_keys_hold_no_address_in_the_clear(action_page, submit, limits):
    from django.core.cache import cache

    limits(ADDRESS=["5/60"], EMAIL=["5/60"])
    submit(supporter(email="anna@example.org"), REMOTE_ADDR="198.51.100.77")

    keys = " ".join(str(key) for key in cache._cache)
    assert "198.51.100.77" not in keys
    assert "anna@example.org" not in keys
    assert "caseblocks:rate:ADDRESS" in keys


@pytest.mark.parametrize(
    "rules",
    [
        {"ADDRESS": [], "EMAIL": ["5/60"]},
        {"ADDRESS": ["5/60"], "EMAIL": []},
        {"ADDRESS": ["0/60"]},
        {"EMAIL": ["5/0"]},
        {"ADDRESS": ["many"]},
        {"PHONE": ["5/60"]},
    ],
)
def test_a_limit_cannot_be_switched_off(action_page, submit, limits, rules):
    """Limits can be raised or lowered; no setting turns one off, not even in a test."""
    limits(**rules)
    with pytest.raises(ImproperlyConfigured):
        submit()


def test_a_scope_left_out_keeps_its_default_limit(
    action_page, submit, actions_settings
):
    # Only ADDRESS is configured: EMAIL keeps its default of 3 an hour.
    actions_settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": {"ADDRESS": ["1000/60"]}}
    for n in range(5):
        submit(
            supporter(email="same@example.org"),
            REMOTE_ADDR=f"198.51.100.{n}",
            confirm=False,
        )
    # Each submission within the limit mails the address once; past it, nothing.
    assert len([m for m in mail.outbox if "same@example.org" in m.to]) == 3


def test_honeypot_with_valid_fields_is_not_stored(action_page, submit):
    response = submit(supporter(website="buy-now.example"))

    assert response.status_code == 202
    assert not Submission.objects.exists()


@pytest.fixture
def turnstile(settings):
    settings.CASEBOOK_ACTIONS = {
        **settings.CASEBOOK_ACTIONS,
        "CAPTCHA": {"PROVIDER": "turnstile", "SECRET": "s3cret", "TIMEOUT": 2},
    }
    with mock.patch.object(captcha, "post_form") as post_form:
        yield post_form


def test_captcha_is_off_by_default(action_page, submit):
    with mock.patch.object(captcha, "post_form") as post_form:
        assert submit().status_code == 202
    post_form.assert_not_called()


def test_captcha_accepted_token_is_verified_with_secret(action_page, submit, turnstile):
    turnstile.return_value = {"success": True}

    response = submit(supporter(captcha_token="tok"), REMOTE_ADDR="198.51.100.5")

    assert response.status_code == 202
    url, fields, timeout = turnstile.call_args.args
    assert url == captcha.VERIFY_URLS["turnstile"]
    assert fields == {"secret": "s3cret", "response": "tok", "remoteip": "198.51.100.5"}
    assert timeout == 2


@pytest.mark.parametrize(
    ("token", "answer"),
    [("tok", {"success": False}), ("", {"success": True}), ("tok", OSError("down"))],
)
def test_captcha_refused_or_unreachable_is_400(
    action_page, submit, turnstile, token, answer
):
    if isinstance(answer, Exception):
        turnstile.side_effect = answer
    else:
        turnstile.return_value = answer

    response = submit(supporter(captcha_token=token))

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "captcha_token"
    assert not Submission.objects.exists()


def test_detail_tells_the_front_end_which_captcha(action_page, client, turnstile):
    body = client.get("/api/v1/actions/elshibayev-2019/").json()

    assert body["captcha"] == "turnstile"


def test_a_made_up_action_uses_up_no_allowance(action_page, submit, limits, each_cache):
    # Whoever types someone's address into actions that do not exist cannot
    # throttle them, or the client address, on the real one.
    limits(ADDRESS=["2/60"], EMAIL=["2/60"])
    anna = supporter(email="anna@example.org")

    made_up = [
        submit(anna, action_id=f"made-up-{n}", REMOTE_ADDR="198.51.100.3").status_code
        for n in range(3)
    ]
    real = [submit(anna, REMOTE_ADDR="198.51.100.3", confirm=False) for _ in range(2)]

    assert made_up == [404, 404, 404]
    assert [answer.status_code for answer in real] == [202, 202]
    assert Submission.objects.filter(name="Anna Rossi").count() == 2


def test_a_closed_action_uses_up_no_allowance(db, submit, limits, each_cache):
    limits(ADDRESS=["2/60"], EMAIL=["2/60"])
    closed = publish_case(
        action_id="closed-action", closes_at=timezone.now() - timedelta(hours=1)
    )
    publish_case(action_id="open-action")
    anna = supporter(email="anna@example.org")

    refused = [
        submit(anna, action_id="closed-action", REMOTE_ADDR="198.51.100.4").status_code
        for _ in range(3)
    ]
    taken = [
        submit(anna, action_id="open-action", REMOTE_ADDR="198.51.100.4").status_code
        for _ in range(2)
    ]

    assert closed.live
    assert refused == [409, 409, 409]
    assert taken == [202, 202]
    over = submit(anna, action_id="open-action", REMOTE_ADDR="198.51.100.4")
    assert over.status_code == 429
