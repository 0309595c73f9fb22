import time
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core import signing

from cms.api.preview import frontend_preview_url, make_token


@pytest.fixture
def drafted(case_page):
    case_page.save_revision().publish()
    case_page.title = "Draft title"
    case_page.save_revision()
    return case_page


@pytest.mark.django_db
def test_a_valid_token_shows_the_latest_draft(client, drafted):
    response = client.get(f"/api/v1/preview/?token={make_token(drafted)}")
    assert response.status_code == 200
    assert response.json()["title"] == "Draft title"
    assert "no-store" in response["Cache-Control"]
    public = client.get(f"/api/v1/pages/{drafted.pk}/").json()
    assert public["title"] == "Erzhan Elshibayev"


@pytest.mark.django_db
def test_an_expired_token_answers_401(client, drafted, monkeypatch, settings):
    settings.CASEBOOK_API = {"PREVIEW_MAX_AGE": 60}
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 120)
    token = make_token(drafted)
    monkeypatch.setattr(signing.time, "time", lambda: now)
    response = client.get(f"/api/v1/preview/?token={token}")
    assert response.status_code == 401
    assert response.json()["errors"][0]["field"] == "token"


@pytest.mark.django_db
def test_a_forged_token_answers_403(client, drafted):
    forged = signing.dumps({"page": drafted.pk}, salt="another salt")
    response = client.get(f"/api/v1/preview/?token={forged}")
    assert response.status_code == 403
    assert b"Draft title" not in response.content


@pytest.mark.django_db
def test_preview_url_opens_the_page_on_the_front_end(client, drafted, settings):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"
    url = urlsplit(frontend_preview_url(drafted))
    assert f"{url.scheme}://{url.netloc}{url.path}" == (
        "https://front.example.org/en/cases/erzhan-elshibayev/"
    )
    token = parse_qs(url.query)["preview_token"][0]
    assert client.get(f"/api/v1/preview/?token={token}").json()["title"] == (
        "Draft title"
    )
