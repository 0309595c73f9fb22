"""Campaign and general pages: where they go, what they refuse, where staff edit them."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Site

from cms.models import (
    CampaignIndexPage,
    CampaignPage,
    CaseIndexPage,
    CountryIndexPage,
    GeneralPage,
    HomePage,
    NewsIndexPage,
)
from tests.factories import CampaignPageFactory, CasePageFactory


def test_campaigns_go_in_the_campaigns_section():
    assert set(CampaignPage.allowed_parent_page_models()) == {CampaignIndexPage}
    assert set(CampaignIndexPage.allowed_parent_page_models()) == {HomePage}


def test_a_general_page_goes_below_home_and_the_campaigns():
    # The other sections take their own type only, so "Add child page" on them
    # opens that type's form at once.
    assert set(GeneralPage.allowed_parent_page_models()) == {
        HomePage,
        GeneralPage,
        CampaignIndexPage,
        CampaignPage,
    }
    for section in (CaseIndexPage, CountryIndexPage, NewsIndexPage):
        assert len(section.allowed_subpage_models()) == 1


@pytest.mark.django_db
def test_one_campaigns_section_per_home(home_page):
    assert CampaignIndexPage.can_create_at(home_page)
    home_page.add_child(instance=CampaignIndexPage(title="Campaigns", slug="c"))
    assert not CampaignIndexPage.can_create_at(home_page)


@pytest.mark.django_db
def test_a_campaign_cannot_end_before_it_starts():
    campaign = CampaignPageFactory.build(
        starts_on=datetime.date(2014, 12, 1), ends_on=datetime.date(2014, 11, 1)
    )
    with pytest.raises(ValidationError) as raised:
        campaign.clean()
    assert "ends_on" in raised.value.message_dict


def test_an_ended_campaign_closes_its_action_forms():
    assert CampaignPage(state="active").campaign_is_open
    assert not CampaignPage(state="concluded").campaign_is_open


@pytest.mark.django_db
def test_staff_add_campaigns_in_the_page_tree_and_choose_them_on_a_case(admin_client):
    campaign = CampaignPageFactory()
    section = campaign.get_parent()
    add = admin_client.get(f"/admin/pages/add/cms/campaignpage/{section.pk}/")
    assert add.status_code == 200
    assert b'name="starts_on"' in add.content
    case = CasePageFactory()
    edit = admin_client.get(f"/admin/pages/{case.pk}/edit/")
    assert edit.status_code == 200
    assert b'name="campaigns"' in edit.content
    assert campaign.title.encode() in edit.content


@pytest.mark.django_db
def test_staff_choose_the_privacy_policy_in_the_site_settings(admin_client):
    site = Site.objects.get(is_default_site=True)
    response = admin_client.get(f"/admin/settings/cms/privacysettings/{site.pk}/")
    assert response.status_code == 200
    assert b'name="privacy_policy"' in response.content
