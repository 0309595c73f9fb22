"""Campaigns are translated like pages, and translations keep their links."""

import pytest

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from tests.factories import CampaignPageFactory


@pytest.fixture
def campaigns(locales):
    first = CampaignPageFactory(title="Write for Rights 2014", slug="w4r-2014")
    second = CampaignPageFactory(title="Worldwide Appeal", slug="appeal-2012")
    return first, second


@pytest.mark.django_db
def test_a_translated_case_keeps_its_campaigns_in_its_own_language(
    case_page, locales, campaigns, django_capture_on_commit_callbacks
):
    zh = locales["zh-hant"]
    first, second = campaigns
    case_page.campaigns.set([first])
    case_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        zh_first = copy_page_for_translation(first, zh)
        zh_case = copy_page_for_translation(case_page, zh)
    assert list(CasePage.objects.get(pk=zh_case.pk).campaigns.all()) == [zh_first]

    # The source joins a second campaign: the translation follows on publish,
    # pointing at the campaign's own translation where there is one.
    case_page.campaigns.set([first, second])
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()

    assert set(CasePage.objects.get(pk=zh_case.pk).campaigns.all()) == {
        zh_first,
        second,
    }
    # The source keeps its own.
    assert set(CasePage.objects.get(pk=case_page.pk).campaigns.all()) == {
        first,
        second,
    }


@pytest.mark.django_db
def test_the_campaign_filter_finds_every_language_of_a_campaign(
    client, case_page, locales, campaigns, django_capture_on_commit_callbacks
):
    zh = locales["zh-hant"]
    first, _ = campaigns
    case_page.campaigns.set([first])
    case_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        copy_page_for_translation(first, zh)
        zh_case = copy_page_for_translation(case_page, zh)

    listed = client.get(f"/api/v1/pages/?campaign={first.pk}&locale=zh-hant").json()
    assert [item["id"] for item in listed["items"]] == [zh_case.pk]
    assert listed["items"][0]["campaigns"][0]["locale"] == "zh-hant"
    every = client.get("/api/v1/pages/?campaign=w4r-2014").json()
    assert {item["id"] for item in every["items"]} == {case_page.pk, zh_case.pk}
    detail = client.get("/api/v1/campaigns/w4r-2014/?locale=zh-hant&include=cases")
    assert detail.json()["locale"] == "zh-hant"
    assert [case["id"] for case in detail.json()["cases"]] == [zh_case.pk]
