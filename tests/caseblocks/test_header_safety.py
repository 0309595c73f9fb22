"""Nothing an outsider types reaches a mail header, a log or a staff screen unguarded."""

import csv
import io
import logging
import smtplib

import pytest

from django.contrib.auth.models import Group, Permission
from django.core import mail

from caseblocks.actions.delivery import describe_failure
from caseblocks.models import OutgoingMessage, Submission
from caseblocks.views.exports import cell

from .conftest import ACTION_ID, supporter

pytestmark = pytest.mark.django_db

REPORT = f"/admin/reports/actions/{ACTION_ID}/"
NAME = "Zhanna Quill-Xyzzy"
ADDRESS = "zhanna.xyzzy@example.org"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Anna\r\nBcc: everyone@attacker.example"),
        ("name", "Anna\nRossi"),
        ("name", "Anna\x00Rossi"),
        ("name", "Anna\u2028Rossi"),
        ("name", "Anna\x85Rossi"),
        ("email", "anna@example.org\r\nBcc: x@attacker.example"),
        ("email", "anna\t@example.org"),
        ("country", "K\nZ"),
        ("language", "it\r\nX: y"),
    ],
)
def test_control_characters_are_refused_naming_the_field(
    action_page, submit, field, value
):
    response = submit(supporter(**{field: value}))
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not Submission.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "email",
    [
        "al\u0131ce@example.org",  # dotless i
        "\u017fam@example.org",  # long s
        "\u212arl@example.org",  # Kelvin sign for K
        "\uff41nna@example.org",  # fullwidth a
        "\u0430nna@example.org",  # Cyrillic a
        "анна@пример.рф",
    ],
)
def test_a_non_ascii_local_part_is_one_clear_400(action_page, submit, email):
    response = submit(supporter(email=email))
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "email"
    assert "before the @" in error["message"]
    assert not Submission.objects.exists()


def test_an_international_domain_is_taken_in_ascii(action_page, submit):
    assert submit(supporter(email="ivan@пример.рф")).status_code == 202
    assert Submission.objects.get().email == "ivan@xn--e1afmkfd.xn--p1ai"
    assert mail.outbox[0].reply_to == ["Anna Rossi <ivan@xn--e1afmkfd.xn--p1ai>"]


class ShoutingBackend:
    """A mail server that refuses with an error quoting the headers it was sent."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {messages[0].reply_to[0]: (550, f"no such user {messages[0].reply_to}")}
        )


def test_a_delivery_error_keeps_no_personal_data(action_page, submit, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.ShoutingBackend"
    with caplog.at_level(logging.DEBUG):
        assert submit(supporter(name=NAME, email=ADDRESS)).status_code == 202
    errors = set(OutgoingMessage.objects.values_list("last_error", flat=True))
    assert errors == {"SMTPRecipientsRefused (SMTP 550)"}
    assert "xyzzy" not in caplog.text.lower()
    assert "Quill" not in caplog.text


def test_describe_failure_names_the_kind_only():
    error = smtplib.SMTPDataError(554, b"rejected: Anna <anna@example.org>")
    assert describe_failure(error) == "SMTPDataError (SMTP 554)"
    assert describe_failure(ValueError("Anna <anna@example.org>")) == "ValueError"


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("staff", password="pw")
    group = Group.objects.create(name="Staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    # Reads the action reports, not supporters' data.
    group.permissions.add(Permission.objects.get(codename="view_report"))
    user.groups.add(group)
    return user


def test_staff_without_view_submission_see_nothing_personal(
    action_page, submit, settings, client, staff
):
    settings.EMAIL_BACKEND = f"{__name__}.ShoutingBackend"
    submit(supporter(name=NAME, email=ADDRESS, message="Secret words here"))
    client.force_login(staff)
    pages = [
        "/admin/reports/actions/",
        REPORT,
        f"{REPORT}export.csv",
        f"{REPORT}export.osdi.json",
        "/admin/supporters/erase/",
        "/admin/reports/site-history/",
        "/admin/",
    ]
    for url in pages:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else None
        text = (body or response.content).decode()
        assert response.status_code in (200, 302, 403), url
        for secret in ("Xyzzy", "xyzzy", "Quill", "Secret words"):
            assert secret not in text, (url, secret)
    assert client.get(REPORT).status_code == 200  # the report itself is shown


def test_every_formula_start_is_neutralised():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert cell(f"{start}x") == f"'{start}x"
    assert cell("Anna") == "Anna"
    assert cell(3) == 3


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]
)
def test_csv_cells_that_a_spreadsheet_would_run_are_text(
    action_page, submit, client, staff, payload
):
    staff.user_permissions.add(Permission.objects.get(codename="view_submission"))
    submit(supporter(message=payload, name=f"{payload[:1]}Anna"))
    client.force_login(staff)
    response = client.get(f"{REPORT}export.csv")
    text = b"".join(response.streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["message"] == "'" + payload
    assert row["name"] == f"'{payload[:1]}Anna"
    assert row["email"] == "anna.rossi@example.org"


@pytest.mark.parametrize(
    "action_id",
    ["x\"; filename*=UTF-8''evil.exe", "a%0D%0AX-Evil:%201", "..%2F..", "%E2%80%AE"],
)
@pytest.mark.parametrize("export", ["export.csv", "export.osdi.json"])
def test_an_odd_action_id_makes_a_plain_file_name(client, staff, action_id, export):
    staff.user_permissions.add(Permission.objects.get(codename="view_submission"))
    client.force_login(staff)
    response = client.get(f"/admin/reports/actions/{action_id}/{export}")
    assert response.status_code in (200, 301, 404)
    if response.status_code == 200:
        disposition = response["Content-Disposition"]
        name = disposition.removeprefix('attachment; filename="').removesuffix('"')
        assert name.replace("-", "").replace(".", "").replace("_", "").isalnum()
        assert "X-Evil" not in response
