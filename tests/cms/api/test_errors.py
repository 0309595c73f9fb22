import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/pages/?type=prisoner", "type"),
        ("/api/v1/pages/?locale=xx", "locale"),
        ("/api/v1/pages/?limit=101", "limit"),
        ("/api/v1/pages/?limit=0", "limit"),
        ("/api/v1/pages/?offset=-1", "offset"),
        ("/api/v1/pages/?order=password", "order"),
        ("/api/v1/pages/?status=happy", "status"),
        ("/api/v1/pages/?type=country&status=detained", "status"),
        ("/api/v1/pages/?country=Kazakhstan", "country"),
        ("/api/v1/pages/?child_of=999999", "child_of"),
        ("/api/v1/pages/find/?path=cases", "path"),
        ("/api/v1/pages/find/?path=/xx/cases/", "path"),
        ("/api/v1/pages/find/", "path"),
        ("/api/v1/countries/?locale=xx", "locale"),
    ],
)
def test_bad_parameters_answer_400_naming_the_field(client, url, field):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert field in [error["field"] for error in response.json()["errors"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/pages/999999/",
        "/api/v1/pages/find/?path=/en/nothing/",
        "/api/v1/countries/ZZ/",
    ],
)
def test_unknown_ids_answer_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"]
