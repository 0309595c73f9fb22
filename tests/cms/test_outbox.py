"""The development outbox: mail kept, and read only by whom and while it should be."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import checks
from django.core.mail import EmailMessage
from django.urls import reverse

from cms.outbox.models import SentMail

pytestmark = pytest.mark.django_db
LINK = "http://127.0.0.1:8000/actions/confirm/?token=abc&language=en"


@pytest.fixture
def outbox(settings):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "cms.outbox.backend.EmailBackend"
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    EmailMessage(
        "Please confirm",
        f"Open this link:\n\n{LINK}\n",
        "casebook@localhost",
        ["ada@example.org"],
    ).send()
    EmailMessage(
        "Stop the forced returns",
        "Read http://evil.example.net/ now <script>alert(1)</script>",
        "casebook@localhost",
        ['"Ministry (example)" <migration@example.org>'],
        reply_to=["Ada <ada@example.org>"],
    ).send()


def test_the_backend_keeps_every_message(outbox):
    kept = list(SentMail.objects.all())
    assert [m.subject for m in kept] == ["Stop the forced returns", "Please confirm"]
    assert kept[0].reply_to == ["Ada <ada@example.org>"]
    assert LINK in kept[1].body


def test_the_plain_listing_filters_by_address(outbox, client):
    everything = client.get("/dev/outbox/")
    assert everything["Content-Type"].startswith("text/plain")
    assert everything["Cache-Control"] == "no-store"
    text = client.get("/dev/outbox/?to=MIGRATION@example.org").content.decode()
    assert "Subject: Stop the forced returns" in text
    assert "Reply-To: Ada <ada@example.org>" in text
    assert "Please confirm" not in text
    assert LINK in client.get("/dev/outbox/?to=ada@example.org").content.decode()


def test_the_plain_listing_is_for_this_machine_in_development_only(
    outbox, client, settings
):
    assert client.get("/dev/outbox/", REMOTE_ADDR="192.0.2.7").status_code == 404
    assert client.get("/dev/outbox/", REMOTE_ADDR="::1").status_code == 200
    settings.DEBUG = False
    assert client.get("/dev/outbox/").status_code == 404


def test_the_admin_page_is_for_superusers(outbox, client, admin_client, settings):
    url = reverse("casebook_outbox")
    page = admin_client.get(url).content.decode()
    assert "Stop the forced returns" in page
    # Our own confirmation link is clickable; a supporter's text stays text.
    assert f'href="{LINK.replace("&", "&amp;")}"' in page
    assert 'href="http://evil.example.net/' not in page
    assert "<script>alert(1)</script>" not in page

    staff = get_user_model().objects.create_user("staff", password="x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get(url).status_code != 200
    settings.DEBUG = False
    assert admin_client.get(url).status_code == 404


def test_a_deploy_check_refuses_the_outbox_with_debug_off(settings):
    settings.DEBUG = False
    errors = checks.run_checks(include_deployment_checks=True)
    assert "casebook_outbox.E001" in [e.id for e in errors]
    settings.DEBUG = True
    errors = checks.run_checks(include_deployment_checks=True)
    assert "casebook_outbox.E001" not in [e.id for e in errors]
