"""Staff with the permission see the deliveries; a plain editor sees nothing of them."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from cms.webhooks.models import DeliveryState, WebhookDelivery

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/webhooks/"
MENU_ITEM = '"name": "webhook-deliveries"'  # in the sidebar's JSON


@pytest.fixture
def delivery():
    return WebhookDelivery.objects.create(
        event_id="4d6f1c1e-3f0e-4a53-9d0b-2f3c2f1f6c11",
        kind="restricted",
        page_ids=[41, 42],
        endpoint="static-site",
        body='{"pages": "not shown"}',
        state=DeliveryState.DEFERRED,
        attempts=3,
        status_code=503,
        last_error="HTTP 503",
    )


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def staff(editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_webhookdelivery"))
    return editor


def test_staff_with_the_permission_see_each_delivery(client, staff, delivery):
    client.force_login(staff)
    response = client.get(REPORT)
    assert response.status_code == 200
    text = response.content.decode()
    for shown in ("Webhook deliveries", "Made private", "41, 42", "static-site",
                  "Failed, will be tried again", "503", "HTTP 503"):  # fmt: skip
        assert shown in text, shown
    assert "not shown" not in text  # the body stays out of the admin
    assert MENU_ITEM in client.get("/admin/").content.decode()


def test_the_report_filters_by_state(client, staff, delivery):
    client.force_login(staff)
    assert "static-site" in client.get(REPORT, {"state": "deferred"}).content.decode()
    assert (
        "static-site" not in client.get(REPORT, {"state": "delivered"}).content.decode()
    )


def test_a_plain_editor_sees_neither_the_report_nor_its_menu(client, editor, delivery):
    client.force_login(editor)
    for url in (REPORT, f"{REPORT}results/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "static-site" not in response.content.decode()
    assert MENU_ITEM not in client.get("/admin/").content.decode()


def test_the_permission_can_be_given_to_a_group(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", password="pw")
    client.force_login(admin)
    editors = Group.objects.get(name="Editors")
    edit = reverse("wagtailusers_groups:edit", args=[editors.pk])
    text = client.get(edit).content.decode()
    permission = Permission.objects.get(codename="view_webhookdelivery")
    assert f'value="{permission.pk}"' in text
