"""Staff read an action's report in the admin and download its submissions."""

import csv
import json
import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.e2e.admin import ADMIN_PASSWORD, sign_in
from tests.factories import CasePageFactory
from tests.factories.blocks import action_form_data, with_target_records

ACTION_ID = "elshibayev-2019"
SUPPORTERS = [
    ("Anna Rossi", "anna.rossi@example.org", "IT"),
    ("Marco Bianchi", "marco.bianchi@example.org", "IT"),
    ("Aigerim Sadykova", "aigerim@example.kz", "KZ"),
    # Anna again, spelt another way: a repeat, which does not count twice.
    ("Anna Rossi", "Anna.Rossi+appeal@example.org", "IT"),
]


@pytest.fixture
def action_page(transactional_db, settings):
    """A live case page whose e-mail action has four submissions from three people.

    The target takes two messages an hour, so the third waits its turn.
    """
    settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["100/60"], "EMAIL": ["100/60"]},
        "TARGET_HOURLY_CAP": 2,
    }
    case = CasePageFactory(
        title="Free Erzhan Elshibayev",
        live=False,
        # Counted at once, without the supporters' confirmation: the report's
        # figures are under test here (tests/caseblocks/test_confirmation.py
        # covers confirming).
        body=[
            (
                "action_form",
                with_target_records(
                    action_form_data(
                        action_id=ACTION_ID, goal=10, confirm_by_email=False
                    )
                ),
            )
        ],
    )
    case.save_revision().publish()
    return case


@pytest.fixture
def submitted(page, action_page):
    """Post the supporters' submissions to the live server, as a front-end would."""
    for name, email, country in SUPPORTERS:
        response = page.request.post(
            f"/api/v1/actions/{ACTION_ID}/submissions",
            data={"name": name, "email": email, "country": country, "consent": True},
        )
        assert response.status == 202, response.text()
    return action_page


def staff_user(username, *codenames):
    user = get_user_model().objects.create_user(username, password=ADMIN_PASSWORD)
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


def open_report(page):
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Actions", exact=True).click()
    row = page.get_by_role("row", name=re.compile("Free Erzhan Elshibayev"))
    expect(row).to_contain_text("3")  # unique supporters
    expect(row).to_contain_text("10 (30%)")
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Free Erzhan")


def download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value


def test_campaigner_reads_the_report_and_exports_submissions(page, submitted):
    campaigner = staff_user("campaigner", "access_admin", "view_submission")
    sign_in(page, campaigner)
    open_report(page)

    expect(page.get_by_text("3 supporters from 4 submissions.")).to_be_visible()
    expect(page.get_by_text("Goal: 10 (30%).")).to_be_visible()
    chart = page.get_by_role("img", name="Submissions per day")
    expect(chart.locator("rect title")).to_have_text([re.compile(r": 4 \(3 first\)$")])
    for state, count in [("Queued", 0), ("Deferred", 1), ("Sent", 2), ("Failed", 0)]:
        expect(page.locator(f'td[data-state="{state}"]')).to_have_text(str(count))
    waiting = page.get_by_role("row", name=re.compile("press@akorda.kz"))
    expect(waiting).to_contain_text("Deferred")
    latest = page.get_by_role("table").filter(has_text="E-mail")
    expect(latest.get_by_role("row")).to_have_count(1 + len(SUPPORTERS))

    exported = download(page, "Export CSV")
    assert exported.suggested_filename == f"{ACTION_ID}.csv"
    with open(exported.path(), encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["name"], r["email"], r["country"]) for r in rows] == SUPPORTERS
    assert [r["first"] for r in rows] == ["True", "True", "True", "False"]

    exported = download(page, "Export OSDI JSON")
    assert exported.suggested_filename == f"{ACTION_ID}.osdi.json"
    with open(exported.path(), encoding="utf-8") as file:
        osdi = json.load(file)["_embedded"]
    people = [s["person"] for s in osdi["osdi:signatures"]]
    assert [(p["given_name"], p["email_addresses"][0]["address"]) for p in people] == [
        (name, email) for name, email, _country in SUPPORTERS
    ]
    outreaches = osdi["osdi:outreaches"]
    assert [o["casebook:delivery_state"] for o in outreaches] == [
        "sent",
        "sent",
        "deferred",
    ]
    assert {o["targets"][0]["email_addresses"][0]["address"] for o in outreaches} == {
        "press@akorda.kz"
    }


def test_staff_without_the_permission_see_no_supporters(page, submitted):
    colleague = staff_user("colleague", "access_admin", "view_report")
    sign_in(page, colleague)
    open_report(page)

    # The figures are for staff who may read the reports; the supporters are not.
    expect(page.get_by_text("3 supporters from 4 submissions.")).to_be_visible()
    expect(page.get_by_text("Latest submissions")).to_have_count(0)
    expect(page.get_by_role("link", name="Export CSV")).to_have_count(0)
    expect(page.get_by_text("marco.bianchi@example.org")).to_have_count(0)

    # Asked for by address, an export sends them back to the dashboard, refused.
    report_url = page.url
    for export in ("export.osdi.json", "export.csv"):
        response = page.goto(report_url + export)
        assert response.request.redirected_from is not None, export
        expect(page).to_have_url(re.compile(r"/admin/$"))
        expect(page.get_by_text("you do not have permission")).to_be_visible()
        expect(page.get_by_text("marco.bianchi@example.org")).to_have_count(0)
