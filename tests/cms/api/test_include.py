"""``include=``: a country, a case or a news post with its related pages, in one
request whose SQL does not grow with the number of items."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def settings_include(settings):
    settings.CASEBOOK_API = {"INCLUDE_LIMIT": 5}


def country_with(cases, news):
    country = CountryPageFactory(title="Uzbekistan", iso_code="UZ", slug="uzbekistan")
    made_cases = [CasePageFactory(country=country) for _ in range(cases)]
    for case in made_cases:
        case.tags.add("journalist")
        case.save_revision().publish()
    for _ in range(news):
        post = NewsPageFactory()
        post.countries.set([country])
        post.related_cases.set(made_cases)
        post.save_revision().publish()
    return country, made_cases


def cold_queries(client, url):
    client.get(url)  # renditions and the like are made once
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def test_a_country_page_in_one_request(client, settings_include):
    country, cases = country_with(cases=7, news=2)
    body = client.get(f"/api/v1/pages/{country.pk}/?include=cases,news").json()

    assert body["type"] == "country"
    listed = client.get("/api/v1/pages/?type=case&country=UZ&locale=en").json()
    assert body["included"]["cases"]["items"] == listed["items"][:5]
    assert body["included"]["cases"]["total"] == 7
    following = client.get(body["included"]["cases"]["next"]).json()
    assert following["items"] == listed["items"][5:]
    assert following["next"] is None and following["previous"] is not None
    assert body["included"]["news"]["total"] == 2
    assert body["included"]["news"]["next"] is None
    assert "included" not in client.get(f"/api/v1/pages/{country.pk}/").json()


def test_a_case_with_its_news_and_a_news_post_with_its_cases(client):
    _country, cases = country_with(cases=2, news=3)
    case_body = client.get(f"/api/v1/pages/{cases[0].pk}/?include=news").json()
    assert case_body["included"]["news"]["total"] == 3
    assert {i["type"] for i in case_body["included"]["news"]["items"]} == {"news"}
    post = case_body["included"]["news"]["items"][0]
    path = post["path"]
    news_body = client.get(f"/api/v1/pages/find/?path={path}&include=cases").json()
    assert [i["id"] for i in news_body["included"]["cases"]["items"]] == sorted(
        (c.pk for c in cases), reverse=True
    )


def test_include_costs_the_same_queries_for_2_and_12_items(client):
    few, few_cases = country_with(cases=2, news=2)
    many = CountryPageFactory(title="Kyrgyzstan", iso_code="KG", slug="kyrgyzstan")
    many_cases = [CasePageFactory(country=many) for _ in range(12)]
    for _ in range(12):
        post = NewsPageFactory()
        post.countries.set([many])
        post.related_cases.set(many_cases[:1])
        post.save_revision().publish()

    small, small_body = cold_queries(
        client, f"/api/v1/pages/{few.pk}/?include=cases,news"
    )
    large, large_body = cold_queries(
        client, f"/api/v1/pages/{many.pk}/?include=cases,news"
    )
    assert len(small_body["included"]["cases"]["items"]) == 2
    assert len(large_body["included"]["cases"]["items"]) == 10
    assert len(large_body["included"]["news"]["items"]) == 10
    assert large == small
    case_small, _ = cold_queries(
        client, f"/api/v1/pages/{few_cases[0].pk}/?include=news"
    )
    case_large, body = cold_queries(
        client, f"/api/v1/pages/{many_cases[0].pk}/?include=news"
    )
    assert len(body["included"]["news"]["items"]) == 10
    assert case_large == case_small


@pytest.mark.parametrize(
    ("include", "message"),
    [
        ("cases,friends", "Unknown include. Use:"),
        ("cases", "have no 'cases'"),
    ],
)
def test_an_include_that_does_not_apply_is_a_400_naming_it(client, include, message):
    news = NewsPageFactory()
    response = client.get(f"/api/v1/pages/{news.pk}/?include={include}")
    if include == "cases":  # a news post does include its cases
        assert response.status_code == 200
        response = client.get(
            f"/api/v1/pages/{news.get_parent().pk}/?include={include}"
        )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "include"
    assert message in error["message"]


def test_include_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/pages/{id}/", "/api/v1/pages/find/"):
        parameters = schema["paths"][path]["get"]["parameters"]
        include = next(p for p in parameters if p["name"] == "include")
        assert "cases" in include["description"]
    included = schema["components"]["schemas"]["Included"]["properties"]
    assert set(included) == {"cases", "news"}
