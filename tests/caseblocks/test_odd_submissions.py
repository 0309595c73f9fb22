"""Submissions a fuzzer sent that once answered 500: each is a 400, or stored."""

import pytest

from caseblocks.models import OutgoingMessage, Submission

from .conftest import supporter

pytestmark = pytest.mark.django_db


def test_lone_surrogate_is_refused(action_page, submit):
    # JSON may escape half a surrogate pair; no database can store it.
    response = submit('{"name": "\\ud800", "email": "a@example.org", "country": "IT"}')

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"
    assert not Submission.objects.exists()


def test_deeply_nested_body_is_refused(action_page, submit):
    response = submit("[" * 100_000 + "]" * 100_000)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_body_over_the_upload_limit_is_refused(action_page, submit, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100

    response = submit(supporter(message="x" * 200))

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_international_domain_is_stored_in_ascii(action_page, submit):
    response = submit(supporter(email="anna@bücher.example"))

    assert response.status_code == 202, response.content
    assert Submission.objects.get().email == "anna@xn--bcher-kva.example"
    assert OutgoingMessage.objects.filter(
        reply_to__endswith="<anna@xn--bcher-kva.example>"
    ).exists()


def test_nul_character_is_refused_naming_the_field(action_page, submit):
    response = submit(supporter(country="I\x00"))

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["country"]
