import time
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core import signing

from cms.conf import DEFAULTS
from cms.preview import SALT, frontend_preview_url, make_token


@pytest.fixture
def drafted(case_page):
    case_page.save_revision().publish()
    case_page.title = "Draft title"
    case_page.save_revision()
    return case_page


def open_preview(client, token, **extra):
    return client.get("/api/v1/preview/", HTTP_X_PREVIEW_TOKEN=token, **extra)


@pytest.mark.django_db
def test_a_valid_token_shows_the_latest_draft(client, drafted):
    response = open_preview(client, make_token(drafted))
    assert response.status_code == 200
    assert response.json()["title"] == "Draft title"
    assert "no-store" in response["Cache-Control"]
    public = client.get(f"/api/v1/pages/{drafted.pk}/").json()
    assert public["title"] == "Erzhan Elshibayev"


@pytest.mark.django_db
def test_a_later_draft_needs_a_new_token(client, drafted):
    """Today a token showed whatever the latest draft was when it was opened."""
    token = make_token(drafted)
    drafted.title = "Written after the link leaked"
    drafted.save_revision()
    response = open_preview(client, token)
    assert response.status_code == 200
    assert response.json()["title"] == "Draft title"
    assert b"leaked" not in response.content
    assert open_preview(client, make_token(drafted)).json()["title"] == (
        "Written after the link leaked"
    )


@pytest.mark.django_db
def test_a_token_of_a_deleted_revision_shows_nothing(client, drafted):
    token = make_token(drafted)
    drafted.latest_revision.delete()
    response = open_preview(client, token)
    assert response.status_code == 404
    assert b"Draft title" not in response.content


@pytest.mark.django_db
def test_a_token_naming_no_revision_is_refused(client, drafted):
    """Tokens made before they named a revision would show any later draft."""
    old_style = signing.dumps({"page": drafted.pk}, salt=SALT)
    response = open_preview(client, old_style)
    assert response.status_code == 403
    assert b"Draft title" not in response.content


def test_the_default_lifetime_is_short():
    assert DEFAULTS["PREVIEW_MAX_AGE"] <= 900


@pytest.mark.django_db
def test_an_expired_token_answers_401(client, drafted, monkeypatch):
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 601)
    token = make_token(drafted)
    monkeypatch.setattr(signing.time, "time", lambda: now)
    response = open_preview(client, token)
    assert response.status_code == 401
    assert response.json()["errors"][0]["field"] == "X-Preview-Token"


@pytest.mark.django_db
def test_a_forged_token_answers_403(client, drafted):
    forged = signing.dumps({"page": drafted.pk}, salt="another salt")
    response = open_preview(client, forged)
    assert response.status_code == 403
    assert b"Draft title" not in response.content


@pytest.mark.django_db
def test_a_token_in_the_address_is_refused(client, drafted):
    """An address goes to access logs and proxies; the token stays out of it."""
    token = make_token(drafted)
    response = client.get(f"/api/v1/preview/?token={token}")
    assert response.status_code == 400
    assert b"Draft title" not in response.content
    both = open_preview(client, token, QUERY_STRING=f"token={token}")
    assert both.status_code == 400
    assert both.json()["errors"][0]["field"] == "token"


@pytest.mark.django_db
def test_a_missing_token_answers_400(client, drafted):
    response = client.get("/api/v1/preview/")
    assert response.status_code == 400


@pytest.mark.django_db
def test_preview_url_opens_the_page_on_the_front_end(client, drafted, settings):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"
    url = urlsplit(frontend_preview_url(drafted))
    assert f"{url.scheme}://{url.netloc}{url.path}" == (
        "https://front.example.org/en/cases/erzhan-elshibayev/"
    )
    token = parse_qs(url.query)["preview_token"][0]
    assert open_preview(client, token).json()["title"] == "Draft title"


@pytest.mark.django_db
def test_front_ends_may_send_the_header_across_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.org"]
    response = client.options(
        "/api/v1/preview/",
        HTTP_ORIGIN="https://front.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-preview-token",
    )
    assert "x-preview-token" in response["Access-Control-Allow-Headers"]
