"""Replay: a translator stops sync, changes an action's targets, publishes.

Whatever the translation then holds, supporters' messages go to the source
page's targets only, and nothing reaches an address the translator controls.
"""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail_localize.models import Translation

from caseblocks.models import ActionTarget, OutgoingMessage
from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from tests.caseblocks.conftest import (
    ACTION_ID,
    LOOSE_LIMITS,
    TARGETS,
    confirm_token,
    mailed_token,
    publish_case,
    supporter,
)

ATTACKER = "collector@attacker.example"
SOURCE_TARGETS = {email for _name, email in TARGETS}


@pytest.fixture
def italian(locales, settings):
    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": LOOSE_LIMITS}
    source = publish_case()
    page = copy_page_for_translation(source, locales["it"])
    call_command("setup_translators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return CasePage.objects.get(pk=page.pk)


def user_in(group_name):
    user = get_user_model().objects.create_user(username=group_name.lower())
    user.groups.add(Group.objects.get(name=group_name))
    return user


def take_over(client, user, page):
    """What ``user`` can do to the translation: stop sync, choose targets, publish."""
    client.force_login(user)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    # Their own address as a target: the snippet views refuse them.
    client.post(
        reverse("wagtailsnippets_caseblocks_actiontarget:add"),
        {"name": "Me", "position": "", "email": ATTACKER, "country": ""},
    )
    # Failing that, another record (made by someone trusted) on the translation.
    decoy = ActionTarget.objects.create(name="Decoy", email="decoy@example.org")
    draft = page.get_latest_revision_as_object()
    for child in draft.body:
        if child.block_type == "action_form":
            child.value["targets"] = [decoy]
    draft.save_revision(user=user).publish(user=user)
    return translation


def take_part_in_italian(client):
    response = client.post(
        f"/api/v1/actions/{ACTION_ID}/submissions",
        data=supporter(language="it"),
        content_type="application/json",
    )
    assert response.status_code == 202
    # Nothing is sent before the supporter confirms from their mailbox.
    [token] = [mailed_token(m) for m in mail.outbox if mailed_token(m)]
    assert confirm_token(client, token).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Translators (Italian)", "Moderators"])
def test_a_taken_over_translation_sends_only_to_the_source_targets(
    client, italian, group
):
    user = user_in(group)
    translation = take_over(client, user, italian)
    translation.refresh_from_db()
    italian.refresh_from_db()
    if group.startswith("Translators"):
        assert not translation.enabled  # sync really was stopped
    assert italian.live
    assert italian.get_latest_revision().user == user
    assert not ActionTarget.objects.filter(email=ATTACKER).exists()

    client.logout()
    take_part_in_italian(client)

    sent_to = set(OutgoingMessage.objects.values_list("target_email", flat=True))
    assert sent_to == SOURCE_TARGETS
    assert {m.language for m in OutgoingMessage.objects.all()} == {"it"}
    recipients = {address for message in mail.outbox for address in message.to}
    assert not any(ATTACKER in a or "decoy@" in a for a in recipients)
    detail = client.get(f"/api/v1/actions/{ACTION_ID}/?language=it").json()
    assert "decoy@" not in (detail["mailto"] or "")


@pytest.mark.django_db
def test_translator_groups_never_get_the_target_permission(italian):
    for group in Group.objects.filter(name__startswith="Translators"):
        assert not group.permissions.filter(codename="change_actiontarget").exists()


def shown_targets(body):
    (action,) = [block for block in body if block["type"] == "action_form"]
    return {target["email"] for target in action["value"]["targets"]}


@pytest.mark.django_db
def test_a_taken_over_translation_shows_and_links_only_the_source_targets(
    client, italian
):
    take_over(client, user_in("Translators (Italian)"), italian)
    client.logout()

    v1 = client.get(f"/api/v1/pages/{italian.pk}/").json()
    v2 = client.get(f"/api/v2/pages/{italian.pk}/").json()
    html = client.get(italian.url, follow=True).content.decode()

    assert shown_targets(v1["body"]) == SOURCE_TARGETS
    assert shown_targets(v2["body"]) == SOURCE_TARGETS
    assert "decoy@" not in html and ATTACKER not in html
    assert "Decoy" not in html
