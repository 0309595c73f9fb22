"""Wagtail API v2 answers any query with JSON: a 4xx naming the parameter, never a 500."""

import pytest

from tests.factories import CasePageFactory

BAD = {
    "/api/v2/images/?search=x": None,  # searching images is allowed: 200
    "/api/v2/pages/?search=x&search_operator=xx": "search_operator",
    "/api/v2/pages/?offset=99999999999999999999": "offset",
    "/api/v2/pages/?limit=99999999999999999999": "limit",
    '/api/v2/pages/?search="': None,
    "/api/v2/pages/?search=%22Elshibayev": None,
    "/api/v2/pages/?search=x%00": "search",
    "/api/v2/pages/?type=cms.CasePage%00": "type",
    "/api/v2/images/?search=%22": None,
    "/api/v2/images/?search=%00": "search",
    "/api/v2/pages/?child_of=99999999999999999999": "child_of",
    "/api/v2/pages/?descendant_of=99999999999999999999": "descendant_of",
    "/api/v2/pages/?id=99999999999999999999": None,
    "/api/v2/pages/99999999999999999999/": None,
    "/api/v2/images/99999999999999999999/": None,
    "/api/v2/pages/find/?id=abc": None,
    "/api/v2/pages/find/?id=99999999999999999999": None,
    "/api/v2/pages/?translation_of=99999999999999999999": "translation_of",
}


@pytest.mark.django_db
@pytest.mark.parametrize("url", BAD)
def test_bad_input_answers_json_4xx(client, country, url):
    CasePageFactory(title="Free Erzhan Elshibayev", country=country)
    response = client.get(url)
    assert response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    if response.status_code >= 400:
        assert body["message"]
        if BAD[url]:
            assert BAD[url] in body["message"]
    else:
        assert "items" in body or "id" in body


@pytest.mark.django_db
@pytest.mark.parametrize("search", ['"Elshibayev', "Elshibayev)", "Elshibayev'"])
def test_a_search_is_plain_words(client, country, search):
    page = CasePageFactory(title="Free Erzhan Elshibayev", country=country)
    response = client.get("/api/v2/pages/", {"search": search})
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [page.pk]
