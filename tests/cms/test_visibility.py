"""One definition of "a visitor may read this page", asked by every caller.

A rule that only ``cms.visibility`` knows (here: one page counts as restricted,
though no view restriction is stored) must hide the page from the API's
listings, details and paths, from links and teasers in other pages, from API v2
and from the action forms. A caller with a query of its own would still show it.
"""

import pytest

from django.core.cache import cache
from django.db.models import Q

from caseblocks.actions.placement import ActionNotFound, find_action
from cms import visibility
from tests.caseblocks.conftest import ACTION_ID, publish_case
from tests.factories import CasePageFactory, CountryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hide(monkeypatch):
    """Make ``cms.visibility`` alone count ``pages`` as restricted."""

    def hide_pages(*pages):
        known = visibility.restricted
        extra = Q(pk__in=[page.pk for page in pages])
        monkeypatch.setattr(visibility, "restricted", lambda: known() | extra)
        # A stored restriction renews the cache's generation; this rule cannot.
        cache.clear()

    return hide_pages


@pytest.fixture
def pages(db):
    country = CountryPageFactory(title="Ulugbekistan", iso_code="UZ")
    case = publish_case({"country": country, "slug": "ulugbek-secret"})
    link = f'<a linktype="page" id="{case.pk}">the case</a>'
    other = CasePageFactory(
        slug="public-case", country=country, body=[("rich_text", f"<p>{link}</p>")]
    )
    return country, case, other


def v1_answers(client, country, case, other):
    return {
        "listing": [
            i["id"] for i in client.get("/api/v1/pages/?type=case").json()["items"]
        ],
        "detail": client.get(f"/api/v1/pages/{case.pk}/").status_code,
        "path": client.get(
            "/api/v1/pages/find/?path=/en/cases/ulugbek-secret/"
        ).status_code,
        "countries": [
            c["iso"] for c in client.get("/api/v1/countries/").json()["items"]
        ],
        "link": client.get(f"/api/v1/pages/{other.pk}/").json()["body"][0]["value"],
        "teaser": client.get(f"/api/v1/pages/{other.pk}/").json()["countries"],
    }


def test_the_api_links_and_teasers_ask_cms_visibility(client, pages, hide):
    country, case, other = pages
    before = v1_answers(client, *pages)
    assert case.pk in before["listing"] and before["detail"] == 200
    assert before["countries"] == ["UZ"] and [c["iso"] for c in before["teaser"]] == [
        "UZ"
    ]
    assert "ulugbek-secret" in before["link"]

    hide(case, country)
    after = v1_answers(client, *pages)
    assert after["listing"] == [other.pk]
    assert after["detail"] == after["path"] == 404
    assert after["countries"] == []
    assert after["link"] == "<p><a>the case</a></p>"
    assert after["teaser"] == []


def test_api_v2_asks_cms_visibility(client, pages, hide):
    country, case, other = pages
    assert client.get(f"/api/v2/pages/{case.pk}/").status_code == 200

    hide(case, country)
    listing = [i["id"] for i in client.get("/api/v2/pages/").json()["items"]]
    assert other.pk in listing
    assert case.pk not in listing
    assert client.get(f"/api/v2/pages/{case.pk}/").status_code == 404
    shown = client.get(f"/api/v2/pages/{other.pk}/").json()
    assert shown["country"] is None
    assert "ulugbek-secret" not in str(shown["body"])


def test_action_forms_ask_cms_visibility(pages, hide):
    country, case, other = pages
    assert find_action(ACTION_ID).page_id == case.pk

    hide(case)
    with pytest.raises(ActionNotFound):
        find_action(ACTION_ID)
