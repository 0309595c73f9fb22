"""The mail server refuses while supporters take part: nothing is lost or doubled.

End to end, through Django's real SMTP backend and a local SMTP server: the
submissions go in through the API, delivery is tried at once and again by
``manage.py send_pending_messages``. ``tests/caseblocks/test_delivery.py`` tests
the backoff and the cap with a stand-in backend.
"""

from collections import Counter
from io import StringIO

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from caseblocks.models import OutgoingMessage

from .conftest import ACTION_ID, supporter
from .smtp import SMTPServer

pytestmark = pytest.mark.django_db

PRESS, PROSECUTOR = "press@akorda.kz", "prokuror@prokuror.kz"


@pytest.fixture
def smtp_server(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        yield server


@pytest.fixture
def retry_at_once(actions_settings):
    """No wait between attempts, so each run of the command tries again."""
    actions = actions_settings.CASEBOOK_ACTIONS
    actions_settings.CASEBOOK_ACTIONS = {**actions, "RETRY_BACKOFF": 0}


@pytest.fixture
def staff(django_user_model):
    """A staff member who reads the reports, without access to supporters' data."""
    user = django_user_model.objects.create_user("editor", is_staff=True)
    group = Group.objects.create(name="Staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(Permission.objects.get(codename="view_report"))
    user.groups.add(group)
    return user


def send_pending_messages():
    call_command("send_pending_messages", stdout=StringIO())


def states(target):
    messages = OutgoingMessage.objects.filter(target_email=target)
    return sorted(messages.values_list("state", flat=True))


def test_refused_messages_wait_with_their_error_and_go_out_once_when_it_takes_them(
    action_page, submit, client, staff, smtp_server, retry_at_once
):
    smtp_server.refusing = True
    assert submit(supporter(email="anna@example.org")).status_code == 202
    assert submit(supporter(name="Ben Li", email="ben@example.org")).status_code == 202

    deferred = OutgoingMessage.objects.all()
    assert deferred.count() == 4  # two supporters, two targets
    assert {m.state for m in deferred} == {"deferred"}
    assert all(m.attempts and "554" in m.last_error for m in deferred)
    client.force_login(staff)
    report = client.get(reverse("caseblocks_reports:action", args=[ACTION_ID]))
    page = report.content.decode()
    assert 'data-state="Deferred">4<' in page
    # The kind of error and its code; the server's words may quote supporters.
    assert "(SMTP 554)" in page
    assert "Not accepting mail now" not in page

    smtp_server.refusing = False
    smtp_server.refused_recipients = {PROSECUTOR}  # one mailbox still full
    send_pending_messages()

    assert states(PRESS) == ["sent", "sent"]
    assert states(PROSECUTOR) == ["deferred", "deferred"]
    waiting = OutgoingMessage.objects.filter(target_email=PROSECUTOR)
    assert all("451" in m.last_error for m in waiting)

    smtp_server.refused_recipients = set()
    send_pending_messages()
    send_pending_messages()  # nothing is left to send twice

    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {"sent"}
    delivered = Counter(
        (recipients[0], message["Reply-To"])
        for recipients, message in smtp_server.received
    )
    assert delivered == {
        (target, supporter): 1
        for target in (PRESS, PROSECUTOR)
        for supporter in ("Anna Rossi <anna@example.org>", "Ben Li <ben@example.org>")
    }
