"""Editors' redirects serve readers' addresses; the API's 404s never look one up."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def test_an_old_page_address_still_redirects(client, home_page):
    Redirect.objects.create(old_path="/old-case", redirect_link="/en/")

    answer = client.get("/old-case")

    assert answer.status_code == 301
    assert answer["Location"] == "/en/"


def test_an_api_404_looks_up_no_redirect(client, home_page):
    # Even a redirect an editor made for an API address is not followed.
    Redirect.objects.create(old_path="/api/v1/pages/999999", redirect_link="/en/")

    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/api/v1/pages/999999/")

    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"
    assert not [q for q in queries if "wagtailredirects_redirect" in q["sql"]]
