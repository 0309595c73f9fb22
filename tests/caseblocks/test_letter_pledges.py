"""Supporters say they posted the letter: a pledge, counted once confirmed, and
reported to staff as letters pledged."""

import pytest

from django.contrib.auth.models import Group, Permission

from caseblocks.blocks import ActionFormBlock
from caseblocks.blocks.actions import ActionKind
from tests.factories.blocks import action_form_data

from .conftest import ACTION_ID, confirm_token, publish_case, supporter

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/actions/"


@pytest.fixture
def pledge_page():
    return publish_case(kind=ActionKind.LETTER, targets=[], subject="")


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    group = Group.objects.create(name="Staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    # Reads the action reports, not supporters' data.
    group.permissions.add(Permission.objects.get(codename="view_report"))
    user.groups.add(group)
    return user


def test_a_letter_pledge_needs_neither_targets_nor_a_subject():
    block = ActionFormBlock()
    value = block.clean(
        block.to_python(action_form_data(kind="letter", targets=[], subject=""))
    )
    assert value["kind"] == "letter"


def test_a_pledge_counts_only_once_confirmed(client, pledge_page, submit, mailed_links):
    assert submit(confirm=False).status_code == 202
    detail = client.get(f"/api/v1/actions/{ACTION_ID}/").json()
    assert (detail["kind"], detail["supporters"]) == ("letter", 0)
    assert confirm_token(client, mailed_links[-1]).status_code == 200
    assert client.get(f"/api/v1/actions/{ACTION_ID}/").json()["supporters"] == 1


def test_staff_see_the_letters_pledged(client, pledge_page, submit, staff):
    submit()
    submit(supporter(email="b.rossi@example.org"))
    client.force_login(staff)
    page = client.get(INDEX).content.decode()
    assert f'data-letters="{ACTION_ID}">2<' in page


def test_other_actions_pledge_no_letters(client, action_page, submit, staff):
    submit()
    client.force_login(staff)
    page = client.get(INDEX).content.decode()
    assert f'data-letters="{ACTION_ID}">—<' in page
