"""The dashboard shows each member of staff the work that needs them, and only theirs."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation

from wagtail.models import GroupPagePermission, Locale

from caseblocks.models import ActionCounter
from tests.factories import CasePageFactory
from tests.factories.blocks import action_form_data, with_target_records

pytestmark = pytest.mark.django_db

ACTION_ID = "askarov-appeal"
SOON = timezone.now() + datetime.timedelta(days=3)


def make_user(name, *, superuser=False, pages=(), permissions=()):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(name, f"{name}@example.org", "pw")
    user = User.objects.create_user(name, f"{name}@example.org", "pw")
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[Permission.objects.get(codename=codename) for codename in permissions],
    )
    for page in pages:
        for codename in ("change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(codename=codename),
            )
    user.groups.add(group)
    return user


@pytest.fixture
def italian_home(home_page):
    locale = Locale.objects.create(language_code="it")
    return home_page.copy_for_translation(locale)


@pytest.fixture
def users(home_page, italian_home):
    return {
        "lead": make_user("lead", superuser=True),
        "campaigner": make_user(
            "campaigner", pages=[home_page], permissions=["view_submission"]
        ),
        "reporter": make_user(
            "reporter", pages=[home_page], permissions=["view_report"]
        ),
        "editor": make_user("editor", pages=[home_page]),
        "italian": make_user("italian", pages=[italian_home]),
    }


def dashboard(client, user):
    client.force_login(user)
    with translation.override("en"):
        response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def open_action():
    page = CasePageFactory(
        title="Free Azimjan Askarov",
        live=False,
        body=[
            (
                "action_form",
                with_target_records(
                    action_form_data(action_id=ACTION_ID, goal=200, closes_at=SOON)
                ),
            )
        ],
    )
    page.save_revision().publish()
    ActionCounter.objects.filter(action_id=ACTION_ID, shard=0).update(supporters=50)
    return page


def test_open_actions_show_goal_and_closing_time(client, users, open_action):
    html = dashboard(client, users["editor"])
    assert "Open actions" in html
    assert "Free Azimjan Askarov" in html
    assert "200" in html
    assert f"/admin/pages/{open_action.pk}/edit/" in html


def test_supporters_are_counted_only_for_those_who_may_read_the_reports(
    client, users, open_action
):
    for name in ("lead", "campaigner", "reporter"):
        assert ">50</a> (25%)" in dashboard(client, users[name])
    editor = dashboard(client, users["editor"])
    assert "Free Azimjan Askarov" in editor
    assert ">50</a> (25%)" not in editor
    assert "Supporters</th>" not in editor


def test_actions_on_pages_out_of_reach_are_not_shown(client, users, open_action):
    assert "Open actions" not in dashboard(client, users["italian"])


def test_closed_actions_are_not_listed(client, users):
    page = CasePageFactory(
        live=False,
        body=[
            (
                "action_form",
                with_target_records(action_form_data(closes_at=timezone.now())),
            )
        ],
    )
    page.save_revision().publish()
    assert "Open actions" not in dashboard(client, users["lead"])


def schedule(page, when):
    page.go_live_at = when
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_scheduled_publications_are_listed_for_who_may_publish_them(
    client, users, home_page, italian_home
):
    case = schedule(CasePageFactory(title="Free Erzhan", live=False), SOON)
    assert not case.live

    for name in ("lead", "editor"):
        html = dashboard(client, users[name])
        assert "Scheduled to go live" in html
        assert "Free Erzhan" in html
    assert "Scheduled to go live" not in dashboard(client, users["italian"])


def test_a_dashboard_with_nothing_waiting_has_no_panels_of_ours(client, users):
    html = dashboard(client, users["lead"])
    for heading in ("Open actions", "Scheduled to go live"):
        assert heading not in html
