"""The staff's list of actions says which actions nobody can take any more."""

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import Page, PageViewRestriction

from tests.factories import CaseIndexPageFactory

from .conftest import ACTION_ID, publish_case

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/actions/"
REPORT = f"{INDEX}{ACTION_ID}/"


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    group = Group.objects.create(name="Staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    # Reads the action reports, not supporters' data.
    group.permissions.add(Permission.objects.get(codename="view_report"))
    user.groups.add(group)
    client.force_login(user)
    return user


def index(client):
    return client.get(INDEX).content.decode()


def test_a_published_action_shows_as_published(client, staff, action_page):
    page = index(client)
    assert REPORT in page
    assert 'data-status="published">Published<' in page


def test_an_unpublished_action_without_submissions_leaves_the_list(
    client, staff, action_page
):
    """Today the action stayed listed, like a live one, after its page went."""
    action_page.unpublish()
    assert REPORT not in index(client)


def test_an_unpublished_action_with_submissions_shows_as_not_published(
    client, staff, action_page, submit
):
    assert submit().status_code == 202
    action_page.unpublish()
    page = index(client)
    assert REPORT in page
    assert 'data-status="unpublished">Not published<' in page
    assert 'data-status="published"' not in page
    report = client.get(REPORT).content.decode()
    assert "Not published: no live page carries this action" in report


def test_a_placement_left_on_a_page_that_is_no_longer_live_is_not_published(
    client, staff, action_page, submit
):
    submit()
    Page.objects.filter(pk=action_page.pk).update(live=False)  # no signal sent
    assert 'data-status="unpublished"' in index(client)


def test_an_action_behind_a_view_restriction_shows_as_private(
    client, staff, action_page
):
    PageViewRestriction.objects.create(
        page=action_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    page = index(client)
    assert 'data-status="private">Private<' in page
    assert (
        "Private: this action is only on pages visitors cannot read "
        "(behind a view restriction, or outside every site)."
    ) in client.get(REPORT).content.decode()


def test_an_action_under_a_restricted_parent_shows_as_private(client, staff):
    section = CaseIndexPageFactory(slug="hidden-cases")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    publish_case({"parent": section})
    assert 'data-status="private">Private<' in index(client)
    assert 'data-status="published"' not in index(client)


def test_an_action_on_a_live_page_outside_every_site_is_not_published(client, staff):
    """No visitor reaches a page outside every site's tree (``cms.visibility``)."""
    outside = CaseIndexPageFactory(parent=Page.get_first_root_node(), slug="nowhere")
    publish_case({"parent": outside})
    assert 'data-status="private">Private<' in index(client)
    assert 'data-status="published"' not in index(client)
