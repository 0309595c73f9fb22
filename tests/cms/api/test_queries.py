import pytest
import wagtail_factories

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CasePageFactory, CountryPageFactory


def listing_queries(client, url):
    # The first request makes the image renditions; count the second, uncached.
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


@pytest.mark.django_db
def test_listing_costs_the_same_for_5_and_100_cases(client):
    country = CountryPageFactory(iso_code="KZ")
    image = wagtail_factories.ImageFactory()
    for _ in range(100):
        page = CasePageFactory(country=country, photo=image)
        page.tags.add("journalist")
        page.save()
    few, five = listing_queries(client, "/api/v1/pages/?type=case&limit=5")
    many, hundred = listing_queries(client, "/api/v1/pages/?type=case&limit=100")
    assert (five, hundred) == (5, 100)
    assert few == many
    mixed_few, _ = listing_queries(client, "/api/v1/pages/?limit=5&order=id")
    mixed_many, _ = listing_queries(client, "/api/v1/pages/?limit=100&order=id")
    assert mixed_many <= mixed_few + 4  # at most one query more per page type


@pytest.mark.django_db
def test_countries_cost_the_same_for_1_and_10_countries(client):
    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/countries/").status_code == 200
        return len(queries)

    first = CountryPageFactory(iso_code="KZ")
    CasePageFactory.create_batch(2, country=first)
    one = count()
    for iso in ["UZ", "KG", "AZ", "RU", "IT", "FR", "DE", "CN", "TW"]:
        country = CountryPageFactory(iso_code=iso)
        CasePageFactory.create_batch(2, country=country)
    assert count() == one
