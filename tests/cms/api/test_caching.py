import pytest

from tests.factories import CasePageFactory


class RecordingBackend:
    """A front-end cache backend that remembers what it was asked to purge."""

    purged = []

    def __init__(self, params):
        pass

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


@pytest.fixture
def recording_backend(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": f"{__name__}.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend


@pytest.mark.django_db
def test_public_responses_carry_etag_and_cache_control(client, case_page, settings):
    settings.CASEBOOK_API = {"MAX_AGE": 120}
    for url in [
        "/api/v1/pages/",
        f"/api/v1/pages/{case_page.pk}/",
        "/api/v1/countries/",
    ]:
        response = client.get(url)
        assert response["ETag"].startswith('"'), url
        assert "public" in response["Cache-Control"]
        assert "max-age=120" in response["Cache-Control"]
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
        assert again.content == b""


@pytest.mark.django_db
def test_publishing_replaces_the_cached_page(client, country):
    page = CasePageFactory(title="Before", country=country)
    page.save_revision().publish()
    assert client.get(f"/api/v1/pages/{page.pk}/").json()["title"] == "Before"
    page.title = "After"
    page.save_revision().publish()
    assert client.get(f"/api/v1/pages/{page.pk}/").json()["title"] == "After"
    # A country renamed on publish is renamed in the cached teasers of its cases.
    country.title = "Qazaqstan"
    country.save_revision().publish()
    item = client.get("/api/v1/pages/?type=case").json()["items"][0]
    assert [c["name"] for c in item["countries"]] == ["Qazaqstan"]


@pytest.mark.django_db
def test_publish_and_unpublish_purge_the_api_urls(
    recording_backend, case_page, django_capture_on_commit_callbacks
):
    # The purge follows the commit: purged before it, a CDN could fetch the old
    # answer again and keep it until its max-age.
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()
    assert recording_backend.purged  # nothing before the commit
    assert any(
        url.endswith(f"/api/v1/pages/{case_page.pk}/")
        for url in recording_backend.purged
    )
    assert any(
        url.endswith("/api/v1/pages/find/?path=/en/cases/erzhan-elshibayev/")
        for url in recording_backend.purged
    )
    recording_backend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_page.unpublish()
    assert any(url.endswith("/api/v1/pages/") for url in recording_backend.purged)


@pytest.mark.django_db
def test_nothing_is_purged_without_a_front_end_cache(settings, case_page, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.purged = []
    case_page.save_revision().publish()
    assert RecordingBackend.purged == []


@pytest.mark.django_db
def test_cors_allows_the_configured_front_end(client, settings, case_page):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.org"]
    allowed = client.get("/api/v1/pages/", HTTP_ORIGIN="https://front.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example.org"
    other = client.get("/api/v1/pages/", HTTP_ORIGIN="https://evil.example.org")
    assert "Access-Control-Allow-Origin" not in other
