"""The rendering is shared through the cache as the API's responses are, and made
stale by the same events."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

URL = "/en/cases/erzhan-elshibayev/"


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_a_warm_page_skips_the_rendering(client, case_page):
    cold, cold_queries = queries_of(client, URL)
    warm, warm_queries = queries_of(client, URL)

    assert warm.content == cold.content
    assert warm["ETag"] == cold["ETag"]
    assert "public" in warm["Cache-Control"]
    # Wagtail still routes and checks view restrictions; nothing else is read.
    assert warm_queries < cold_queries - 5


def test_a_matching_etag_gets_a_304(client, case_page):
    etag = client.get(URL)["ETag"]

    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 304


def test_publishing_refreshes_the_page_and_what_links_to_it(client, case_page, country):
    client.get(URL)
    client.get(country.url)
    case_page.title = "A new title"
    case_page.save_revision().publish()

    assert "A new title" in client.get(URL).content.decode()
    assert "A new title" in client.get(country.url).content.decode()


def test_a_signed_in_editor_neither_reads_nor_fills_the_cache(admin_client, case_page):
    response = admin_client.get(URL)

    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response
