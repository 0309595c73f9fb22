"""Every action carries the site's privacy policy, in the reader's language."""

import pytest

from wagtail.models import Locale, Site

from cms.models import PrivacySettings
from tests.caseblocks.conftest import ACTION_ID, publish_case
from tests.factories import GeneralPageFactory


def action(client, language=None):
    query = f"?language={language}" if language else ""
    response = client.get(f"/api/v1/actions/{ACTION_ID}/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def choose(page):
    site = Site.objects.get(is_default_site=True)
    PrivacySettings.objects.update_or_create(
        site=site, defaults={"privacy_policy": page}
    )


@pytest.fixture
def policy(db):
    page = GeneralPageFactory(title="Privacy policy", slug="privacy")
    choose(page)
    return page


@pytest.mark.django_db
def test_an_action_without_a_chosen_policy_says_null(client):
    publish_case()
    assert action(client)["privacy_policy"] is None


@pytest.mark.django_db
def test_an_action_links_the_chosen_policy(client, policy):
    publish_case()
    assert action(client)["privacy_policy"] == {
        "title": "Privacy policy",
        "path": "/en/privacy/",
        "url": "http://testserver/en/privacy/",
    }


@pytest.mark.django_db
def test_the_policy_is_given_in_the_actions_language(client, policy, home_page):
    italian = Locale.objects.create(language_code="it")
    home_page.copy_for_translation(italian, copy_parents=True)
    page = publish_case()
    italian_case = page.copy_for_translation(italian, copy_parents=True)
    italian_case.save_revision().publish()
    italian_policy = policy.copy_for_translation(italian, copy_parents=True)
    italian_policy.title = "Informativa sulla privacy"
    italian_policy.save_revision().publish()

    link = action(client, "it")["privacy_policy"]
    assert (link["title"], link["path"]) == (
        "Informativa sulla privacy",
        "/it/privacy/",
    )
    assert action(client, "en")["privacy_policy"]["path"] == "/en/privacy/"


@pytest.mark.django_db
def test_an_unpublished_policy_is_never_shown(client, policy, settings):
    settings.CASEBOOK_FRONTEND_URL = "https://www.example.org"
    publish_case()
    assert (
        action(client)["privacy_policy"]["url"] == "https://www.example.org/en/privacy/"
    )
    policy.unpublish()
    assert action(client)["privacy_policy"] is None


@pytest.mark.django_db
def test_the_openapi_types_the_policy_link(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    link = schemas["ActionOut"]["properties"]["privacy_policy"]
    assert {"$ref": "#/components/schemas/PrivacyPolicyLink"} in link["anyOf"]
    assert set(schemas["PrivacyPolicyLink"]["required"]) == {"title", "path", "url"}
