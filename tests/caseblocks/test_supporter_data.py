"""Supporters' data: what is stored, who sees it, exports, purge and erasure."""

import csv
import datetime
import io
from unittest import mock

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from caseblocks.actions.identity import email_fingerprint, normalise_email
from caseblocks.models import ActionCounter, OutgoingMessage, Submission

from .conftest import ACTION_ID, supporter

pytestmark = pytest.mark.django_db

REPORT = f"/admin/reports/actions/{ACTION_ID}/"


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Anna.Rossi+news@GMail.com", "annarossi@gmail.com"),
        ("a.n.n.a@googlemail.com", "anna@gmail.com"),
        ("Anna.Rossi+x@Example.org", "anna.rossi@example.org"),
    ],
)
def test_email_is_normalised(spelling, canonical):
    assert normalise_email(spelling) == canonical


def test_fingerprint_is_keyed(settings):
    settings.CASEBOOK_ACTIONS = {"FINGERPRINT_KEY": "one"}
    first = email_fingerprint("anna@example.org")
    settings.CASEBOOK_ACTIONS = {"FINGERPRINT_KEY": "two"}

    assert email_fingerprint("anna@example.org") != first
    assert len(first) == 64


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    group = Group.objects.create(name="Staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def reporter(staff):
    """Staff who may read the action reports, without supporters' data."""
    staff.user_permissions.add(Permission.objects.get(codename="view_report"))
    return staff


@pytest.fixture
def officer(staff):
    staff.user_permissions.add(Permission.objects.get(codename="view_submission"))
    return staff


@pytest.fixture
def signed(action_page, submit):
    submit(supporter(email="anna@example.org", message="Free him.", newsletter=True))
    submit(supporter(name="Ben", email="ben@example.org", country="KZ"))
    # Anna again: told at her address that she took part; nothing is stored.
    submit(supporter(email="Anna+2@example.org"))


def test_report_shows_count_goal_chart_and_states(client, reporter, signed):
    client.force_login(reporter)

    page = client.get(REPORT).content.decode()

    assert "2 supporters from 2 submissions" in page
    assert 'data-chart="submissions-per-day"' in page
    assert page.count("<rect") == 1
    assert 'data-state="Sent">4<' in page
    assert "anna@example.org" not in page


def test_report_index_lists_actions(client, reporter, signed):
    client.force_login(reporter)

    page = client.get("/admin/reports/actions/").content.decode()

    assert REPORT in page
    assert "(0%)" in page  # 2 of 1,000


def test_exact_figures_need_the_report_permission(client, staff, signed, submit):
    """Whoever watches exact figures learns whether an address just took part.

    A new address stores a submission, one that already took part stores
    nothing: staff without the permission see neither the report nor its menu.
    """
    client.force_login(staff)

    for url in ("/admin/reports/actions/", REPORT):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert REPORT not in client.get("/admin/").content.decode()
    assert "/admin/reports/actions/" not in client.get("/admin/").content.decode()


def test_submissions_and_exports_need_the_permission(client, reporter, signed):
    client.force_login(reporter)

    # Wagtail's admin turns PermissionDenied into a redirect home with a message.
    for export in ("export.csv", "export.osdi.json"):
        response = client.get(REPORT + export)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    page = client.get(REPORT).content.decode()
    assert "2 supporters from 2 submissions" in page
    assert "ben@example.org" not in page


def test_officer_sees_submissions(client, officer, signed):
    client.force_login(officer)

    assert "ben@example.org" in client.get(REPORT).content.decode()


def test_csv_export(client, officer, signed):
    client.force_login(officer)

    response = client.get(REPORT + "export.csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )

    assert [row["email"] for row in rows] == ["anna@example.org", "ben@example.org"]
    assert rows[0]["consent_text"] == "I agree that my name is sent with this message."
    assert [row["rank"] for row in rows] == ["1", "1"]


def test_osdi_export(client, officer, signed):
    client.force_login(officer)

    body = client.get(REPORT + "export.osdi.json").json()["_embedded"]

    signatures, outreaches = body["osdi:signatures"], body["osdi:outreaches"]
    assert len(signatures) == 2
    assert signatures[0]["comments"] == "Free him."
    assert (
        signatures[0]["person"]["email_addresses"][0]["address"] == "anna@example.org"
    )
    assert signatures[0]["casebook:consent"]["text"].startswith("I agree")
    assert len(outreaches) == 4
    assert {o["type"] for o in outreaches} == {"email"}
    assert (
        outreaches[0]["targets"][0]["email_addresses"][0]["address"]
        == "press@akorda.kz"
    )


def test_anonymous_cannot_reach_the_reports(client, signed):
    assert client.get(REPORT).status_code == 302
    assert client.get(REPORT + "export.csv").status_code == 302


def test_purge_removes_old_personal_data_and_keeps_counts(
    action_page, submit, settings
):
    settings.CASEBOOK_ACTIONS = {**settings.CASEBOOK_ACTIONS, "RETENTION_DAYS": 30}
    long_ago = timezone.now() - datetime.timedelta(days=31)
    with mock.patch("django.utils.timezone.now", return_value=long_ago):
        submit(supporter(email="old@example.org", message="Old words."))
    submit(supporter(email="new@example.org"))

    out = io.StringIO()
    call_command("purge_submissions", "--dry-run", stdout=out)
    assert "Would purge 1" in out.getvalue()
    assert Submission.objects.with_personal_data().count() == 2

    call_command("purge_submissions", stdout=io.StringIO())

    old = Submission.objects.get(created_at=long_ago)
    assert (old.name, old.email, old.message) == ("", "", "")
    assert old.anonymised_at is not None
    assert not OutgoingMessage.objects.filter(submission=old).exclude(body="").exists()
    assert Submission.objects.with_personal_data().get().email == "new@example.org"
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 2


def test_purged_supporter_who_comes_back_is_not_counted_twice(
    action_page, submit, settings
):
    settings.CASEBOOK_ACTIONS = {**settings.CASEBOOK_ACTIONS, "RETENTION_DAYS": 30}
    long_ago = timezone.now() - datetime.timedelta(days=31)
    with mock.patch("django.utils.timezone.now", return_value=long_ago):
        submit(supporter(email="back@example.org"))
    call_command("purge_submissions", stdout=io.StringIO())

    assert submit(supporter(email="BACK@example.org")).status_code == 202

    assert ActionCounter.objects.totals(ACTION_ID) == {
        "supporters": 1,
        "submissions": 1,
        "expired": 0,
    }
    # Told that they had taken part; nothing more is stored.
    assert not Submission.objects.filter(created_at__gt=long_ago).exists()


def test_erased_supporter_is_forgotten_and_counts_anew(action_page, submit):
    submit(supporter(email="gone@example.org"))
    call_command("erase_supporter", "gone@example.org", stdout=io.StringIO())

    assert Submission.objects.get().fingerprint is None
    submit(supporter(email="gone@example.org"))

    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 2


def test_erase_supporter_everywhere(action_page, submit, settings):
    settings.EMAIL_BACKEND = "tests.caseblocks.test_delivery.DownBackend"
    submit(supporter(email="Anna.Rossi@gmail.com", message="Mine."))
    submit(supporter(email="annarossi+again@googlemail.com"))
    submit(supporter(email="ben@example.org"))

    call_command("erase_supporter", "ANNAROSSI@gmail.com", stdout=io.StringIO())

    assert list(
        Submission.objects.with_personal_data().values_list("email", flat=True)
    ) == ["ben@example.org"]
    erased = OutgoingMessage.objects.exclude(submission__email="ben@example.org")
    assert {(m.state, m.body, m.reply_to) for m in erased} == {("failed", "", "")}
    assert (
        OutgoingMessage.objects.filter(
            submission__email="ben@example.org", state="deferred"
        ).count()
        == 2
    )


def test_erase_supporter_refuses_a_non_address():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("erase_supporter", "not-an-address")


def test_permission_is_offered_in_the_group_editor():
    from wagtail import hooks

    offered = {
        (permission.content_type.app_label, permission.codename)
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
    }

    assert ("caseblocks", "view_submission") in offered
