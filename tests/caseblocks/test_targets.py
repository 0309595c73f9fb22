"""Action targets are records only trusted staff change, each change audit-logged."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

from caseblocks.actions.placement import find_action, forget_placements
from caseblocks.models import ActionTarget, OutgoingMessage, PlacedAction

from .conftest import ACTION_ID, publish_case, supporter

ATTACKER = "collector@attacker.example"
RECORD = {"name": "Press office", "position": "", "email": "press@mfa.kz"}


def url(name, *args):
    return reverse(f"wagtailsnippets_caseblocks_actiontarget:{name}", args=args)


def refused(response):
    """Wagtail's answer to a user without the permission: 403, or back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def staff(username, *, groups=(), permissions=()):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        *Permission.objects.filter(codename__in=permissions),
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def keeper(db):
    """Staff trusted with targets."""
    return staff("keeper", permissions=["change_actiontarget"])


@pytest.fixture
def editor(db):
    """A plain editor: Wagtail's Editors group, which may edit pages."""
    return staff("editor", groups=["Editors"])


@pytest.mark.django_db
def test_no_stock_group_may_change_targets():
    groups = Group.objects.filter(permissions__codename="change_actiontarget")
    assert not groups.exists()
    permission = Permission.objects.get(codename="change_actiontarget")
    assert permission.name == "Can change action targets"


@pytest.mark.django_db
def test_a_plain_editor_cannot_add_or_change_a_target(client, editor):
    target = ActionTarget.objects.create(**RECORD)
    client.force_login(editor)
    data = {**RECORD, "email": ATTACKER, "country": ""}
    assert refused(client.get(url("list")))
    assert refused(client.post(url("add"), data))
    assert refused(client.post(url("edit", target.pk), data))
    assert refused(client.post(url("delete", target.pk)))
    chooser_create = reverse("wagtailsnippetchoosers_caseblocks_actiontarget:create")
    assert refused(client.post(chooser_create, data))
    assert not ActionTarget.objects.filter(email=ATTACKER).exists()
    target.refresh_from_db()
    assert target.email == RECORD["email"]
    # Choosing among the records stays open to editors.
    chooser = reverse("wagtailsnippetchoosers_caseblocks_actiontarget:choose")
    assert client.get(chooser).status_code == 200


@pytest.mark.django_db
def test_every_change_is_logged_with_who_before_and_after(client, keeper):
    client.force_login(keeper)
    form = {**RECORD, "country": "KZ"}
    assert client.post(url("add"), form).status_code == 302
    target = ActionTarget.objects.get()
    changed = {**form, "email": "press-office@mfa.kz"}
    assert client.post(url("edit", target.pk), changed).status_code == 302
    assert client.post(url("delete", target.pk)).status_code == 302

    entries = ModelLogEntry.objects.filter(object_id=str(target.pk)).order_by("pk")
    assert [e.action for e in entries] == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.delete",
    ]
    assert {e.user_id for e in entries} == {keeper.pk}
    assert all(e.timestamp for e in entries)
    created, edited, deleted = (e.data for e in entries)
    assert created == {"before": None, "after": form}
    assert edited == {"before": form, "after": changed}
    assert deleted == {"before": changed, "after": None}


@pytest.mark.django_db
def test_a_changed_target_is_read_afresh_by_the_next_submission(submit):
    publish_case()
    target = ActionTarget.objects.get(email="press@akorda.kz")
    find_action(ACTION_ID)  # cached
    target.email = "new-press@akorda.kz"
    target.save()
    emails = {t["email"] for t in find_action(ACTION_ID).value["targets"]}
    assert emails == {"new-press@akorda.kz", "prokuror@prokuror.kz"}


@pytest.mark.django_db
def test_an_address_typed_into_a_stored_value_is_never_sent_to(submit):
    """A stored target that is not a record (a typed name and address) is dropped."""
    page = publish_case()
    placement = PlacedAction.objects.get(page=page)
    value = placement.value
    value["targets"] = [
        {"type": "item", "value": {"name": "Me", "email": ATTACKER}, "id": "x"},
        *value["targets"],
    ]
    PlacedAction.objects.filter(pk=placement.pk).update(value=value)
    forget_placements([ACTION_ID])
    assert submit(supporter()).status_code == 202
    sent_to = set(OutgoingMessage.objects.values_list("target_email", flat=True))
    assert sent_to == {"press@akorda.kz", "prokuror@prokuror.kz"}
    assert all(ATTACKER not in message.to[0] for message in mail.outbox)
