"""The search endpoints: against the fake node (tier 2) and on the database fallback."""

import copy

import pytest

from wagtail.models import PageViewRestriction

from cms.api.schemas.teasers import PageTeaser
from search.documents import index_alias
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory

from .conftest import index_in_database

pytestmark = pytest.mark.django_db

# Every field of the one teaser schema but the fallback's note.
TEASER_FIELDS = tuple(name for name in PageTeaser.model_fields if name != "meta")

SEARCH_RESPONSE = {  # shaped like an Elasticsearch 8.19 answer
    "took": 3,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 1, "relation": "eq"},
        "max_score": 2.1,
        "hits": [
            {
                "_index": "test-main-pages-en-20260101000000000000",
                "_id": "41",
                "_score": 2.1,
                "_source": {
                    "page_id": 41,
                    "type": "cms.CasePage",
                    "title": "Free Azimjan Askarov",
                    "summary": "A human rights defender serving a life sentence.",
                    "url": "/en/cases/azimjan-askarov/",
                    "locale": "en",
                },
                "highlight": {"title": ["Free <mark>Azimjan</mark> Askarov"]},
                "sort": [2.1, 41],
            }
        ],
    },
    "aggregations": {
        "type": {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": "cms.CasePage", "doc_count": 1}],
        },
        "country": {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": "KG", "doc_count": 1}],
        },
        "status": {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": "imprisoned", "doc_count": 1}],
        },
        "tag": {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [],
        },
    },
}


def recorded_response(page_id):
    """SEARCH_RESPONSE with its one hit pointing at ``page_id``."""
    response = copy.deepcopy(SEARCH_RESPONSE)
    hit = response["hits"]["hits"][0]
    hit["_id"], hit["_source"]["page_id"], hit["sort"][1] = (
        str(page_id),
        page_id,
        page_id,
    )
    return response


@pytest.fixture
def indexed_case(home_page):
    return CasePageFactory(title="Free Azimjan Askarov")


def test_search_through_elasticsearch(client, fake_es, indexed_case):
    fake_es.search_response = recorded_response(indexed_case.pk)
    response = client.get(
        "/api/v1/search/", {"q": "Azimjan", "locale": "en", "status": "imprisoned"}
    )

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    request = fake_es.find("POST", rf"/{index_alias('en')}/_search")[0]
    assert request.params["ignore_unavailable"] == ["true"]
    assert request.body["query"]["bool"]["filter"] == [
        {"term": {"facets.status": "imprisoned"}}
    ]
    assert request.body["query"]["bool"]["must"][0]["multi_match"]["query"] == "Azimjan"
    listed = client.get("/api/v1/pages/?type=case").json()["items"]
    assert response.json() == {
        "total": 1,
        "limit": 10,
        "offset": 0,
        # The listings' own teaser, plus what matched.
        "items": [
            {
                **listed[0],
                "highlights": {"title": ["Free <mark>Azimjan</mark> Askarov"]},
            }
        ],
        "facets": {
            "type": [{"value": "case", "count": 1}],
            "country": [{"value": "KG", "count": 1}],
            "status": [{"value": "imprisoned", "count": 1}],
            "tag": [],
        },
    }


def test_a_page_hidden_since_indexing_is_left_out(client, fake_es, indexed_case):
    fake_es.search_response = recorded_response(indexed_case.pk)
    indexed_case.unpublish()  # the index has not caught up yet
    response = client.get("/api/v1/search/", {"q": "Azimjan"})
    assert response.json()["items"] == []


def test_suggest_through_elasticsearch(client, fake_es, settings, indexed_case):
    fake_es.search_response = recorded_response(indexed_case.pk)
    response = client.get("/api/v1/search/suggest/", {"q": "azi"})
    assert response.status_code == 200
    assert response.json()["items"][0]["title"] == "Free Azimjan Askarov"
    assert response.json()["items"][0]["type"] == "case"
    every_locale = rf"/{settings.SEARCH['INDEX_PREFIX']}-pages-\*/_search"
    request = fake_es.find("POST", every_locale)
    assert request[0].body["query"]["multi_match"]["type"] == "bool_prefix"


def test_elasticsearch_down_is_a_503_json(client, fake_es):
    fake_es.down = True
    response = client.get("/api/v1/search/", {"q": "x"})
    assert response.status_code == 503
    assert response.json() == {
        "errors": [
            {"field": None, "message": "Search is unavailable; try again shortly."}
        ]
    }


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "many"}, "limit"),
        ({"limit": "500"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"locale": "xx"}, "locale"),
        ({"type": "cms.CasePage"}, "type"),
    ],
)
def test_bad_parameters_are_400_naming_the_field(client, params, field):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]


@pytest.fixture
def content(home_page):
    kyrgyzstan = CountryPageFactory(
        title="Kyrgyzstan", iso_code="KG", summary="Central Asia."
    )
    askarov = CasePageFactory(
        title="Free Azimjan Askarov",
        person_name="Azimjan Askarov",
        country=kyrgyzstan,
        summary="A journalist serving a life sentence.",
    )
    askarov.tags.add("journalist")
    askarov.save()
    released = CasePageFactory(
        title="Erkin Musaev is free",
        person_name="Erkin Musaev",
        status="released",
        summary="Released after years in prison.",
    )
    news = NewsPageFactory(
        title="A letter from prison", summary="A journalist writes from prison."
    )
    draft = CasePageFactory(
        title="Secret draft journalist", live=False, summary="journalist"
    )
    index_in_database()
    return {
        "kyrgyzstan": kyrgyzstan,
        "askarov": askarov,
        "released": released,
        "news": news,
        "draft": draft,
    }


def ids(response):
    return [hit["id"] for hit in response.json()["items"]]


def test_database_search_matches_text_and_counts_facets(client, content):
    response = client.get("/api/v1/search/", {"q": "journalist"})
    assert response.status_code == 200
    assert set(ids(response)) == {content["askarov"].pk, content["news"].pk}
    facets = response.json()["facets"]
    assert facets["type"] == [
        {"value": "case", "count": 1},
        {"value": "news", "count": 1},
    ]
    assert facets["country"] == [{"value": "KG", "count": 1}]
    assert facets["tag"] == [{"value": "journalist", "count": 1}]
    hit = next(h for h in response.json()["items"] if h["id"] == content["askarov"].pk)
    detail = client.get(f"/api/v1/pages/{content['askarov'].pk}/").json()
    assert hit == {
        **{name: detail[name] for name in TEASER_FIELDS},
        "highlights": {},
    }
    assert (hit["type"], hit["summary"], hit["path"]) == (
        "case",
        "A journalist serving a life sentence.",
        f"/en/cases/{content['askarov'].slug}/",
    )


def test_database_facets_count_every_page_of_a_type(client, content):
    CasePageFactory(person_name="Khadija Ismayilova", summary="A journalist in prison.")
    index_in_database()
    response = client.get("/api/v1/search/", {"q": "journalist"})
    assert response.json()["total"] == 3
    assert response.json()["facets"]["type"] == [
        {"value": "case", "count": 2},
        {"value": "news", "count": 1},
    ]


def test_database_filters_and_stable_pages(client, content):
    response = client.get("/api/v1/search/", {"type": "case", "status": "released"})
    assert ids(response) == [content["released"].pk]
    assert response.json()["facets"]["status"] == [{"value": "released", "count": 1}]

    everything = ids(client.get("/api/v1/search/", {"limit": 50}))
    assert everything == sorted(everything)  # no words: by id
    first = ids(client.get("/api/v1/search/", {"limit": 2, "offset": 0}))
    second = ids(client.get("/api/v1/search/", {"limit": 2, "offset": 2}))
    assert first + second == everything[:4]
    assert content["draft"].pk not in everything


def test_database_search_leaves_out_private_pages(client, content):
    PageViewRestriction.objects.create(
        page=content["askarov"].get_parent(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="x",
    )
    response = client.get("/api/v1/search/", {"q": "journalist"})
    assert ids(response) == [content["news"].pk]


def test_database_suggest(client, content):
    response = client.get("/api/v1/search/suggest/", {"q": "Free Azim"})
    assert response.status_code == 200
    assert [hit["id"] for hit in response.json()["items"]] == [content["askarov"].pk]


def test_search_is_typed_in_the_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/search/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "q",
        "locale",
        "type",
        "country",
        "status",
        "tag",
        "limit",
        "offset",
    }
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    hit = schema["components"]["schemas"]["SearchHit"]
    assert ref.endswith("/SearchResponse")
    assert set(hit["properties"]) == {*TEASER_FIELDS, "meta", "highlights"}
    teaser = schema["components"]["schemas"]["PageTeaser"]
    assert {name: hit["properties"][name] for name in teaser["properties"]} == (
        teaser["properties"]
    )
    assert "/api/v1/search/suggest/" in schema["paths"]


def test_a_page_restricted_above_since_indexing_is_left_out(
    client, fake_es, indexed_case
):
    """The index may lag a change: the results ask ``cms.visibility`` too."""
    fake_es.search_response = recorded_response(indexed_case.pk)
    PageViewRestriction.objects.create(
        page=indexed_case.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    for url in ("/api/v1/search/", "/api/v1/search/suggest/"):
        assert client.get(url, {"q": "Azimjan"}).json()["items"] == [], url
