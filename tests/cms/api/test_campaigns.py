"""Campaigns in the API: teasers name them, listings filter on them, and
``/campaigns/`` gives them with their cases and news."""

import pytest
from pydantic import TypeAdapter

from cms.api.schemas.campaigns import CampaignListing, campaign_detail_schema
from cms.api.schemas.pages import PageListing
from tests.factories import CampaignPageFactory, CasePageFactory, NewsPageFactory


def in_campaigns(page, *campaigns):
    page.campaigns.set(campaigns)
    page.save_revision().publish()
    return page


@pytest.fixture
def write_for_rights(db):
    return CampaignPageFactory(
        title="Write for Rights 2014", slug="write-for-rights-2014"
    )


@pytest.fixture
def appeal(db):
    return CampaignPageFactory(
        title="Worldwide Appeal May/June 2012", slug="worldwide-appeal-2012"
    )


@pytest.fixture
def musaev(write_for_rights, appeal):
    # A case in two campaigns.
    return in_campaigns(CasePageFactory(title="Erkin Musaev"), write_for_rights, appeal)


def listing_ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.django_db
def test_a_case_teaser_names_each_public_campaign(client, musaev, appeal):
    item = client.get("/api/v1/pages/?type=case").json()["items"][0]
    assert {c["title"] for c in item["campaigns"]} == {
        "Write for Rights 2014",
        "Worldwide Appeal May/June 2012",
    }
    assert {c["type"] for c in item["campaigns"]} == {"campaign"}
    assert next(c for c in item["campaigns"] if c["id"] == appeal.pk)["path"] == (
        "/en/campaigns/worldwide-appeal-2012/"
    )

    appeal.unpublish()

    detail = client.get(f"/api/v1/pages/{musaev.pk}/").json()
    assert [c["title"] for c in detail["campaigns"]] == ["Write for Rights 2014"]


@pytest.mark.django_db
def test_the_campaign_filter_takes_an_id_or_a_slug(client, musaev, write_for_rights):
    news = in_campaigns(NewsPageFactory(), write_for_rights)
    CasePageFactory(title="Not in it")
    expected = {musaev.pk, news.pk}
    assert (
        listing_ids(client.get(f"/api/v1/pages/?campaign={write_for_rights.pk}"))
        == expected
    )
    assert (
        listing_ids(client.get("/api/v1/pages/?campaign=write-for-rights-2014"))
        == expected
    )
    assert listing_ids(
        client.get("/api/v1/pages/?type=news&campaign=write-for-rights-2014")
    ) == {news.pk}


@pytest.mark.django_db
def test_an_unpublished_campaign_answers_as_an_unknown_one(client, musaev, appeal):
    appeal.unpublish()
    hidden = client.get("/api/v1/pages/?campaign=worldwide-appeal-2012")
    unknown = client.get("/api/v1/pages/?campaign=no-such-campaign")
    by_id = client.get(f"/api/v1/pages/?campaign={appeal.pk}")
    assert hidden.status_code == unknown.status_code == by_id.status_code == 400
    assert hidden.content == unknown.content == by_id.content
    assert hidden.json()["errors"][0]["field"] == "campaign"
    too_big = client.get(f"/api/v1/pages/?campaign={2**40}")
    assert too_big.content == unknown.content


@pytest.mark.django_db
def test_the_campaign_filter_on_a_type_without_campaigns_names_the_field(
    client, musaev
):
    response = client.get("/api/v1/pages/?type=country&campaign=write-for-rights-2014")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "campaign"


@pytest.mark.django_db
def test_campaigns_are_listed_with_their_pages_on_request(
    client, musaev, write_for_rights, appeal
):
    news = in_campaigns(NewsPageFactory(), appeal)
    plain = client.get("/api/v1/campaigns/").json()
    CampaignListing.model_validate(plain)
    assert {item["slug"] for item in plain["items"]} == {
        "write-for-rights-2014",
        "worldwide-appeal-2012",
    }
    assert all(
        item["cases"] is None and item["news"] is None for item in plain["items"]
    )

    full = client.get("/api/v1/campaigns/?include=cases,news").json()
    CampaignListing.model_validate(full)
    by_slug = {item["slug"]: item for item in full["items"]}
    assert [c["id"] for c in by_slug["worldwide-appeal-2012"]["cases"]] == [musaev.pk]
    assert [n["id"] for n in by_slug["worldwide-appeal-2012"]["news"]] == [news.pk]
    assert by_slug["write-for-rights-2014"]["news"] == []
    assert by_slug["write-for-rights-2014"]["state"] == "active"
    assert by_slug["write-for-rights-2014"]["starts_on"] == "2014-12-01"


@pytest.mark.django_db
def test_include_names_what_it_cannot_include(client, write_for_rights):
    response = client.get("/api/v1/campaigns/?include=cases,supporters")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "include"
    response = client.get(f"/api/v1/campaigns/{write_for_rights.pk}/?include=x")
    assert response.json()["errors"][0]["field"] == "include"


@pytest.mark.django_db
def test_a_campaign_in_detail_by_id_or_slug(client, musaev, write_for_rights):
    by_slug = client.get("/api/v1/campaigns/write-for-rights-2014/?include=cases")
    assert by_slug.status_code == 200, by_slug.content
    body = by_slug.json()
    TypeAdapter(campaign_detail_schema()).validate_python(body)
    assert body["type"] == "campaign"
    assert body["title"] == "Write for Rights 2014"
    assert body["ends_on"] == "2014-12-31"
    assert [case["id"] for case in body["cases"]] == [musaev.pk]
    assert body["news"] is None
    by_id = client.get(f"/api/v1/campaigns/{write_for_rights.pk}/?include=cases")
    assert by_id.json() == body


@pytest.mark.django_db
def test_an_unpublished_campaign_is_not_found_like_an_unknown_one(
    client, write_for_rights
):
    write_for_rights.unpublish()
    hidden = client.get(f"/api/v1/campaigns/{write_for_rights.pk}/")
    by_slug = client.get("/api/v1/campaigns/write-for-rights-2014/")
    unknown = client.get("/api/v1/campaigns/nothing-here/")
    assert hidden.status_code == by_slug.status_code == unknown.status_code == 404
    assert hidden.content == by_slug.content == unknown.content
    for odd in ("²", str(2**40), "0"):
        assert client.get(f"/api/v1/campaigns/{odd}/").content == unknown.content
        assert client.get("/api/v1/pages/", {"campaign": odd}).status_code == 400
    assert client.get("/api/v1/campaigns/").json()["items"] == []


@pytest.mark.django_db
def test_the_openapi_types_campaigns(client, musaev):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert "/api/v1/campaigns/" in document["paths"]
    assert "/api/v1/campaigns/{key}/" in document["paths"]
    item = schemas["CampaignItem"]["properties"]
    assert set(item["state"]["enum"]) == {"active", "concluded", "won"}
    assert schemas["PageTeaser"]["properties"]["campaigns"]["items"] == {
        "$ref": "#/components/schemas/PageRef"
    }
    parameters = document["paths"]["/api/v1/pages/"]["get"]["parameters"]
    assert "campaign" in {parameter["name"] for parameter in parameters}
    PageListing.model_validate(client.get("/api/v1/pages/").json())
