"""Drafts, unpublished and private pages never leave through a public endpoint."""

import pytest

from wagtail.models import PageViewRestriction

from tests.factories import CasePageFactory


def make_draft(country):
    return CasePageFactory(
        title="Secret draft", slug="secret", country=country, live=False
    )


def make_unpublished(country):
    page = CasePageFactory(title="Secret draft", slug="secret", country=country)
    page.save_revision().publish()
    page.unpublish()
    return page


def make_private(country):
    page = CasePageFactory(title="Secret draft", slug="secret", country=country)
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return page


HIDDEN = [make_draft, make_unpublished, make_private]


def endpoints(page):
    return [
        "/api/v1/pages/",
        "/api/v1/pages/?type=case",
        "/api/v1/pages/?country=KZ",
        f"/api/v1/pages/{page.pk}/",
        "/api/v1/pages/find/?path=/en/cases/secret/",
        "/api/v1/countries/",
        "/api/v1/countries/KZ/",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("make", HIDDEN, ids=lambda make: make.__name__)
def test_hidden_pages_are_absent_from_every_endpoint(client, country, make):
    page = make(country)
    for url in endpoints(page):
        response = client.get(url)
        assert b"Secret draft" not in response.content, url
        assert response.status_code in {200, 404}, url
    assert client.get(f"/api/v1/pages/{page.pk}/").status_code == 404
    assert client.get("/api/v1/pages/find/?path=/en/cases/secret/").status_code == 404


@pytest.mark.django_db
def test_private_pages_stay_hidden_from_signed_in_editors(admin_client, country):
    page = make_private(country)
    assert admin_client.get(f"/api/v1/pages/{page.pk}/").status_code == 404
    listing = admin_client.get("/api/v1/pages/?type=case").json()
    assert page.pk not in [item["id"] for item in listing["items"]]


@pytest.mark.django_db
def test_published_page_is_served(client, country):
    page = CasePageFactory(title="Public case", slug="public", country=country)
    response = client.get(f"/api/v1/pages/{page.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == "Public case"
