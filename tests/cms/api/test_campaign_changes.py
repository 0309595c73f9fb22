"""A campaign's change reaches the pages that show it, through the content event."""

import pytest

from wagtail.models import Locale

from cms.lifecycle import Change, ContentChange, announce
from cms.models import pages_showing
from cms.paths import page_path
from tests.factories import CampaignPageFactory, CasePageFactory, NewsPageFactory

from .test_caching import RecordingBackend


@pytest.fixture
def recording_backend(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.cms.api.test_caching.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend


def linked(page, *campaigns):
    page.campaigns.set(campaigns)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_pages_showing_a_campaign_in_any_of_its_languages(home_page):
    campaign = CampaignPageFactory()
    italian = Locale.objects.create(language_code="it")
    home_page.copy_for_translation(italian, copy_parents=True)
    italian_campaign = campaign.copy_for_translation(italian, copy_parents=True)
    italian_campaign.save_revision().publish()
    case = linked(CasePageFactory(), campaign)
    news = linked(NewsPageFactory(), italian_campaign)
    linked(CasePageFactory(), CampaignPageFactory())  # another campaign's

    assert pages_showing(campaign) == {case.pk, news.pk}
    assert pages_showing(italian_campaign) == {case.pk, news.pk}


@pytest.mark.django_db
def test_a_changed_campaign_purges_the_pages_showing_it(
    client,
    recording_backend,
    django_capture_on_commit_callbacks,
):
    campaign = CampaignPageFactory(title="Write for Rights 2014")
    case = linked(CasePageFactory(), campaign)
    assert client.get(f"/api/v1/pages/{case.pk}/").json()["campaigns"][0]["title"] == (
        "Write for Rights 2014"
    )
    recording_backend.purged = []

    campaign.title = "Write for Rights"
    campaign.save_revision().publish()
    case_url = f"/api/v1/pages/{case.pk}/"
    # Wagtail's publish purges the campaign's own URLs, not its cases'.
    assert not any(url.endswith(case_url) for url in recording_backend.purged)
    with django_capture_on_commit_callbacks(execute=True):
        announce(ContentChange(Change.PUBLISHED, frozenset({campaign.pk})))

    assert any(url.endswith(case_url) for url in recording_backend.purged)
    detail = client.get(f"/api/v1/pages/{case.pk}/").json()
    assert detail["campaigns"][0]["title"] == "Write for Rights"


@pytest.mark.django_db
def test_a_change_without_campaigns_purges_nothing_more(
    recording_backend,
    django_capture_on_commit_callbacks,
):
    case = linked(CasePageFactory(), CampaignPageFactory())
    recording_backend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        announce(ContentChange(Change.PUBLISHED, frozenset({case.pk})))
    # The case's own URLs (cms.api.subscribers), and no other page's.
    assert {url.split("/api/v1/")[1] for url in recording_backend.purged} == {
        f"pages/{case.pk}/",
        f"pages/find/?path={page_path(case)}",
        "pages/",
        "countries/",
        "campaigns/",
    }
