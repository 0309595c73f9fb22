"""API v2 signs nobody in with a password, and a session's answers stay private."""

import base64

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", PASSWORD
    )


@pytest.fixture
def members_only():
    page = CasePageFactory(slug="xq-members-only", title="Xq members only")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return page


def basic(username, password):
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def listed_ids(response):
    return [item["id"] for item in response.json()["items"]]


def test_basic_authentication_with_a_staff_password_opens_nothing(
    client, staff, members_only
):
    """Today's attack: DRF's default accepted a staff password over Basic auth."""
    detail = client.get(
        f"/api/v2/pages/{members_only.pk}/", **basic("editor", PASSWORD)
    )
    assert detail.status_code == 404
    listing = client.get("/api/v2/pages/", **basic("editor", PASSWORD))
    assert members_only.pk not in listed_ids(listing)
    assert "sessionid" not in client.cookies


def test_a_signed_in_session_sees_what_a_visitor_sees(client, staff, members_only):
    # v2 answers everyone as a visitor (cms.visibility), and privately.
    client.force_login(staff)
    response = client.get(f"/api/v2/pages/{members_only.pk}/")
    assert response.status_code == 404
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/"])
def test_answers_to_a_session_are_private_and_vary_on_cookie(
    client, staff, members_only, path
):
    client.force_login(staff)
    response = client.get(path)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_password_session_is_private_too(client):
    page = CasePageFactory(slug="xq-password-case", title="Xq password case")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "x", "return_url": "/"},
    )
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 404  # a password opens no API
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_an_answer_without_a_session_varies_on_cookie(client, members_only):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]
    # An unknown page is private as well once a session asks for it.
    client.cookies["sessionid"] = "made-up"
    missing = client.get("/api/v2/pages/999999/")
    assert missing.status_code == 404
    assert "private" in missing["Cache-Control"]


def test_group_pages_are_not_opened_by_basic_auth(client, django_user_model):
    user = django_user_model.objects.create_user("member", password=PASSWORD)
    group = Group.objects.create(name="Xq group")
    user.groups.add(group)
    page = CasePageFactory(slug="xq-group-case", title="Xq group case")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    response = client.get(f"/api/v2/pages/{page.pk}/", **basic("member", PASSWORD))
    assert response.status_code == 404
