"""Publishing a real page reaches the front-ends, through the one content event."""

import json

import pytest

from wagtail.models import Page

from tests.factories.pages import CasePageFactory


@pytest.mark.django_db(transaction=True)
def test_publishing_a_page_sends_a_webhook(endpoint):
    endpoint.start()
    page = CasePageFactory(title="Erzhan", slug="erzhan", live=False)
    Page.objects.get(pk=page.pk).specific.save_revision().publish()

    bodies = [json.loads(request["body"]) for request in endpoint.requests]
    assert any(
        body["event"] == "published" and page.pk in [p["id"] for p in body["pages"]]
        for body in bodies
    )
    assert all(request["verified"] for request in endpoint.requests)
