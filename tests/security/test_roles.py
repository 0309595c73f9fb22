"""The threat model's table, door by door: who may see and do what.

Each role of ``docs/security.md`` ("Who can see and do what") tries every door
that leads to supporters' data or decides where it goes. The table below is the
expected answer; a door that opens to one more role fails the test.
"""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from caseblocks.models import ActionTarget
from tests.caseblocks.conftest import (  # noqa: F401 (fixtures, found by name)
    ACTION_ID,
    actions_settings,
    mailed_links,
    publish_case,
    submit,
    supporter,
)

SUPPORTER_EMAIL = "anna.rossi@example.org"
TARGET_EMAIL = "new-target@example.org"


def member(username, *, groups=(), permissions=()):
    user = get_user_model().objects.create_user(username, password="pw")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


ROLES = {
    "outsider": None,
    "translator": {"groups": ["Translators (Italian)"]},
    "editor": {"groups": ["Editors"]},
    "moderator": {"groups": ["Moderators"]},
    "reports staff": {"groups": ["Editors"], "permissions": ["view_report"]},
    "supporters' data staff": {
        "groups": ["Editors"],
        "permissions": ["view_submission", "erase_supporter"],
    },
    "target manager": {"groups": ["Editors"], "permissions": ["change_actiontarget"]},
}

# door → the roles it opens to.
DOORS = {
    "read the exact figures of the action reports": {
        "reports staff",
        "supporters' data staff",
    },
    "read supporters in the report": {"supporters' data staff"},
    "export supporters as CSV": {"supporters' data staff"},
    "export supporters as OSDI": {"supporters' data staff"},
    "erase a supporter": {"supporters' data staff"},
    "add a target": {"target manager"},
    "list targets": {"target manager"},
}


@pytest.fixture
def site(db, submit):  # noqa: F811
    call_command("setup_translators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    publish_case()
    # Submitted and confirmed, as a supporter would.
    assert submit(supporter(email=SUPPORTER_EMAIL)).status_code == 202


def knock(client, door):
    """Try ``door``; return whether it opened (and let its owner through)."""
    report = reverse("caseblocks_reports:action", args=[ACTION_ID])
    if door == "read the exact figures of the action reports":
        index = client.get(reverse("caseblocks_reports:index"))
        response = client.get(report)
        return index.status_code == 200 and response.status_code == 200
    if door == "read supporters in the report":
        response = client.get(report)
        return response.status_code == 200 and SUPPORTER_EMAIL in response.text
    if door == "export supporters as CSV":
        url = reverse("caseblocks_reports:export_csv", args=[ACTION_ID])
        response = client.get(url)
        return (
            response.status_code == 200
            and SUPPORTER_EMAIL in b"".join(response.streaming_content).decode()
        )
    if door == "export supporters as OSDI":
        url = reverse("caseblocks_reports:export_osdi", args=[ACTION_ID])
        response = client.get(url)
        return response.status_code == 200 and SUPPORTER_EMAIL in response.text
    if door == "erase a supporter":
        return client.get(reverse("caseblocks_erase_supporter")).status_code == 200
    if door == "add a target":
        client.post(
            reverse("wagtailsnippets_caseblocks_actiontarget:add"),
            {"name": "New", "position": "", "email": TARGET_EMAIL, "country": ""},
        )
        return ActionTarget.objects.filter(email=TARGET_EMAIL).exists()
    if door == "list targets":
        url = reverse("wagtailsnippets_caseblocks_actiontarget:list")
        return client.get(url).status_code == 200
    raise AssertionError(door)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_only_its_own_doors(client, site, role):
    if ROLES[role] is not None:
        client.force_login(member(role.replace(" ", "_"), **ROLES[role]))

    opened = {door for door in DOORS if knock(client, door)}

    assert opened == {door for door, roles in DOORS.items() if role in roles}


@pytest.mark.django_db
def test_every_door_opens_for_someone(client, site):
    """The table is not vacuous: each door really does open, for a superuser."""
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))

    assert {door for door in DOORS if knock(client, door)} == set(DOORS)
