"""General pages (about us, the privacy policy) in the API, in every locale."""

import pytest
from pydantic import TypeAdapter

from wagtail.models import Locale

from cms.api.schemas.pages import page_detail_schema
from tests.factories import GeneralPageFactory


@pytest.mark.django_db
def test_a_general_page_is_found_by_path_in_each_language(client, home_page):
    page = GeneralPageFactory(
        title="About us",
        slug="about",
        body=[("heading", {"text": "Who we are", "level": "h2"})],
    )
    italian = Locale.objects.create(language_code="it")
    home_page.copy_for_translation(italian, copy_parents=True)
    chi_siamo = page.copy_for_translation(italian, copy_parents=True)
    chi_siamo.title = "Chi siamo"
    chi_siamo.save_revision().publish()

    english = client.get("/api/v1/pages/find/", {"path": "/en/about/"}).json()
    found = client.get("/api/v1/pages/find/", {"path": "/it/about/"}).json()

    TypeAdapter(page_detail_schema()).validate_python(found)
    assert (english["type"], english["body"][0]["type"]) == ("general", "heading")
    assert (found["title"], found["locale"]) == ("Chi siamo", "it")
    listed = client.get("/api/v1/pages/", {"type": "general", "locale": "it"}).json()
    assert [item["id"] for item in listed["items"]] == [chi_siamo.pk]


def test_the_openapi_types_a_general_pages_body(client, db):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    body = schemas["GeneralPageDetail"]["properties"]["body"]
    assert body["items"]["discriminator"]["propertyName"] == "type"
    assert schemas["GeneralPageDetail"]["properties"]["type"]["const"] == "general"
