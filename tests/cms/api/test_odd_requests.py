"""Requests a fuzzer sent that once answered 500 or HTML: each answers JSON 4xx."""

import pytest

from tests.caseblocks.conftest import publish_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "field"),
    [
        # PostgreSQL raises on NUL in text rather than finding nothing.
        ("/api/v1/pages/?tag=a%00b", "tag"),
        ("/api/v1/pages/find/?path=/en/a%00/", "path"),
        ("/api/v1/countries/K%00/", "iso"),
        ("/api/v1/actions/a%00b/", "action_id"),
        ("/api/v1/pages/?x%00=1", "x"),
        # Beyond a 64-bit integer (SQLite), or a 32-bit page id (PostgreSQL).
        ("/api/v1/pages/?offset=99999999999999999999", "offset"),
        ("/api/v1/pages/?offset=9223372036854775807", "offset"),
        ("/api/v1/pages/?child_of=9223372036854775808", "child_of"),
        ("/api/v1/pages/?child_of=2147483648", "child_of"),
        ("/api/v1/pages/2147483648/", "id"),
        ("/api/v1/pages/99999999999999999999/", "id"),
        # A parameter without a name is none the API has.
        ("/api/v1/pages/?=0.0", "query"),
        ("/api/v1/countries/?=", "query"),
    ],
)
def test_odd_parameters_answer_400_naming_the_field(client, url, field):
    response = client.get(url)

    assert response.status_code == 400, response.content
    assert [error["field"] for error in response.json()["errors"]] == [field]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/pages/abc/",  # an id that is not a number
        "/api/v1/actions/a/b/",  # an encoded slash in a path parameter
        "/api/v1/actions/a/b/submissions",
        "/api/v1/nothing/",
    ],
)
def test_unknown_addresses_answer_json_404(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["message"]


def test_a_known_address_without_its_slash_is_redirected(client):
    response = client.get("/api/v1/pages?limit=1")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/pages/?limit=1"


def test_a_nul_in_a_submission_route_is_refused_before_the_lookup(client, db):
    publish_case()

    response = client.post(
        "/api/v1/actions/elshibayev%002019/submissions",
        data={},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "action_id"


def test_every_operation_documents_its_400(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for path, operations in paths.items():
        for method, operation in operations.items():
            error = operation["responses"]["400"]["content"]["application/json"]
            assert "Errors" in error["schema"]["$ref"], (method, path)
