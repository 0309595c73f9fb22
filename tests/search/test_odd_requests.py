"""Search requests a fuzzer sent that once answered 500 or 503, or undocumented."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/search/?q=a%00b", "q"),
        ("/api/v1/search/?tag=a%00", "tag"),
        ("/api/v1/search/suggest/?q=a%00", "q"),
    ],
)
def test_nul_characters_answer_400_on_the_database_search(client, url, field):
    response = client.get(url)

    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == field


@pytest.mark.parametrize("path", ["/api/v1/search/", "/api/v1/search/suggest/"])
def test_search_documents_its_errors(client, path):
    operation = client.get("/api/v1/openapi.json").json()["paths"][path]["get"]

    assert {"200", "400", "503"} <= set(operation["responses"])
    assert client.get(f"{path}?locale=xx&q=a").status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        '/api/v1/search/?q="',
        "/api/v1/search/?q=%22Elshibayev",
        "/api/v1/search/?q=Elshibayev)",
        "/api/v1/search/?q=*",
        '/api/v1/search/suggest/?q="',
        "/api/v1/search/suggest/?q=Elsh%22",
    ],
)
def test_query_language_characters_are_only_text_on_the_database_search(client, url):
    # SQLite's full-text search once read a quote as syntax and failed: a 503,
    # "briefly unavailable", for what is the visitor's text.
    response = client.get(url)

    assert response.status_code == 200, response.content
