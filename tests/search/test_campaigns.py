"""The search plugin's ``campaign=`` filter, on Elasticsearch and the database."""

import pytest

from search.documents import document_source, index_alias
from tests.factories import CampaignPageFactory, CasePageFactory, NewsPageFactory

from .conftest import index_in_database
from .test_api import recorded_response

pytestmark = pytest.mark.django_db


def in_campaign(page, *campaigns):
    page.campaigns.set(campaigns)
    page.save_revision().publish()
    return page


@pytest.fixture
def campaign(home_page):
    return CampaignPageFactory(title="Write for Rights 2014", slug="w4r-2014")


def test_a_case_document_carries_its_campaigns(campaign):
    case = in_campaign(CasePageFactory(), campaign)
    assert document_source(case)["campaigns"] == [campaign.pk]


def test_elasticsearch_filters_on_the_campaigns_ids(client, fake_es, campaign):
    case = in_campaign(CasePageFactory(title="Free Erkin Musaev"), campaign)
    fake_es.search_response = recorded_response(case.pk)

    response = client.get(
        "/api/v1/search/", {"q": "Musaev", "locale": "en", "campaign": "w4r-2014"}
    )

    assert response.status_code == 200, response.content
    request = fake_es.find("POST", rf"/{index_alias('en')}/_search")[0]
    assert request.body["query"]["bool"]["filter"] == [
        {"terms": {"campaigns": [campaign.pk]}}
    ]


def test_the_database_backend_filters_on_a_campaign(client, campaign):
    case = in_campaign(CasePageFactory(summary="A journalist."), campaign)
    news = in_campaign(NewsPageFactory(summary="A journalist writes."), campaign)
    CasePageFactory(summary="A journalist in no campaign.")
    index_in_database()

    for value in (campaign.slug, str(campaign.pk)):
        response = client.get("/api/v1/search/", {"q": "journalist", "campaign": value})
        assert response.status_code == 200, response.content
        assert {hit["id"] for hit in response.json()["items"]} == {case.pk, news.pk}


def test_an_unpublished_campaign_answers_as_an_unknown_one(client, campaign):
    campaign.unpublish()
    hidden = client.get("/api/v1/search/", {"campaign": "w4r-2014"})
    unknown = client.get("/api/v1/search/", {"campaign": "nothing"})
    assert hidden.status_code == unknown.status_code == 400
    assert hidden.content == unknown.content
    assert hidden.json()["errors"][0]["field"] == "campaign"
