"""A page's own URL sends the reader to the front-end, or to the API's answer."""

import pytest

from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_without_a_front_end_the_page_url_leads_to_the_api(client, case_page):
    response = client.get(case_page.url)

    assert response.status_code == 302
    assert response["Location"] == (
        "/api/v1/pages/find/?path=%2Fen%2Fcases%2Ferzhan-elshibayev%2F"
    )
    assert client.get(response["Location"]).json()["id"] == case_page.pk


def test_with_a_front_end_the_page_url_leads_there(client, case_page, settings):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"

    response = client.get(case_page.url)

    assert response.status_code == 302
    assert response["Location"] == (
        "https://front.example.org/en/cases/erzhan-elshibayev/"
    )


def test_the_home_page_leads_to_the_api(client, home_page):
    response = client.get("/")

    assert response.status_code == 302
    assert client.get(response["Location"]).json()["id"] == home_page.pk


def test_a_private_page_is_not_found(client, case_page):
    # Its password form would tell a stranger that a hidden case of this name
    # exists (tests/security/test_private_pages.py).
    PageViewRestriction.objects.create(
        page=case_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    response = client.get(case_page.url)

    assert response.status_code == 404
    assert b"password" not in response.content.lower()


def test_a_draft_is_not_found(client, case_page):
    case_page.unpublish()

    assert client.get(case_page.url).status_code == 404
