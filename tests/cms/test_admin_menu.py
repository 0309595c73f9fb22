"""The one permission-aware menu item, and who sees each menu that uses it."""

import pytest

from django.contrib.auth.models import AnonymousUser, Permission
from django.test import RequestFactory

from cms.admin_menu import PermissionMenuItem

ACTIONS = "/admin/reports/actions/"
DELIVERIES = "/admin/reports/webhooks/"
ERASE = "/admin/supporters/erase/"


def shown_to(item, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return item.is_shown(request)


@pytest.mark.django_db
def test_an_item_is_shown_to_whoever_has_its_permission(django_user_model):
    item = PermissionMenuItem(
        "Deliveries", DELIVERIES, allowed="webhooks.view_webhookdelivery"
    )
    user = django_user_model.objects.create_user("someone")
    assert not shown_to(item, user)
    user.user_permissions.add(Permission.objects.get(codename="view_webhookdelivery"))
    user = django_user_model.objects.get(pk=user.pk)  # permissions are cached
    assert shown_to(item, user)


@pytest.mark.django_db
def test_an_item_may_ask_a_function_of_the_user(django_user_model):
    item = PermissionMenuItem(
        "Tool", "/tool/", allowed=lambda user: user.username == "chosen"
    )
    assert shown_to(item, django_user_model(username="chosen"))
    assert not shown_to(item, django_user_model(username="other"))
    assert not shown_to(item, AnonymousUser())


@pytest.fixture
def staff(django_user_model):
    def make(*codenames):
        user = django_user_model.objects.create_user(
            "-".join(codenames) or "plain", password="pw"
        )
        for codename in ("access_admin", *codenames):
            user.user_permissions.add(Permission.objects.get(codename=codename))
        return user

    return make


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("codenames", "menus"),
    [
        ((), set()),
        (("view_report",), {ACTIONS}),
        (("view_submission",), {ACTIONS}),
        (("erase_supporter",), {ERASE}),
        (("view_webhookdelivery",), {DELIVERIES}),
        (("view_report", "view_webhookdelivery"), {ACTIONS, DELIVERIES}),
    ],
)
def test_each_menu_is_shown_to_who_may_follow_it(client, staff, codenames, menus):
    client.force_login(staff(*codenames))
    page = client.get("/admin/").content.decode()
    assert {url for url in (ACTIONS, DELIVERIES, ERASE) if url in page} == menus
    for url in menus:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_superuser_sees_every_menu(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("admin", password="pw")
    )
    page = client.get("/admin/").content.decode()
    assert all(url in page for url in (ACTIONS, DELIVERIES, ERASE))
