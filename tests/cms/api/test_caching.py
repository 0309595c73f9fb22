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
def test_publishing_replaces_the_cached_page(
    client, country, django_capture_on_commit_callbacks
):
    page = CasePageFactory(title="Before", country=country)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get(f"/api/v1/pages/{page.pk}/").json()["title"] == "Before"
    page.title = "After"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get(f"/api/v1/pages/{page.pk}/").json()["title"] == "After"
    # A country renamed on publish is renamed in the cached teasers of its cases.
    country.title = "Qazaqstan"
    with django_capture_on_commit_callbacks(execute=True):
        country.save_revision().publish()
    item = client.get("/api/v1/pages/?type=case").json()["items"][0]
    assert [c["name"] for c in item["countries"]] == ["Qazaqstan"]


@pytest.mark.django_db
def test_publish_and_unpublish_purge_every_url_that_showed_the_page(
    recording_backend, client, case_page, country, django_capture_on_commit_callbacks
):
    from tests.factories import NewsPageFactory

    NewsPageFactory(title="Unrelated news").save_revision().publish()
    showing = [
        f"/api/v1/pages/{case_page.pk}/",
        "/api/v1/pages/find/?path=/en/cases/erzhan-elshibayev/",
        "/api/v1/pages/?type=case",
        f"/api/v1/pages/?type=case&country={country.iso_code}&limit=1",
        f"/api/v1/countries/{country.iso_code}/",
    ]
    unrelated = "/api/v1/pages/?type=news"
    for url in [*showing, unrelated]:
        assert client.get(url).status_code == 200, url
    for change in (case_page.save_revision().publish, case_page.unpublish):
        recording_backend.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        purged = {
            url.removeprefix("http://testserver") for url in recording_backend.purged
        }
        assert set(showing) <= purged, change
        assert unrelated not in purged
        for url in showing[2:]:  # made again, and recorded again
            client.get(url)


@pytest.mark.django_db
def test_nothing_is_purged_without_a_front_end_cache(
    settings, case_page, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()
    assert RecordingBackend.purged == []


@pytest.mark.django_db
def test_cors_allows_the_configured_front_end(client, settings, case_page):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.org"]
    allowed = client.get("/api/v1/pages/", HTTP_ORIGIN="https://front.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example.org"
    other = client.get("/api/v1/pages/", HTTP_ORIGIN="https://evil.example.org")
    assert "Access-Control-Allow-Origin" not in other
