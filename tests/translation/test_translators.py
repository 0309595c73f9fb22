"""Each locale's translators translate and publish in their own tree only."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from cms.translation.operations import copy_page_for_translation


@pytest.fixture
def translations(case_page, locales):
    pages = {
        code: copy_page_for_translation(case_page, locales[code])
        for code in ("it", "ru")
    }
    call_command("setup_translators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return pages


def translator(code_name):
    user = get_user_model().objects.create_user(username=f"translator-{code_name}")
    user.groups.add(Group.objects.get(name=f"Translators ({code_name})"))
    return user


@pytest.mark.django_db
def test_a_group_per_locale(translations):
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Translators (English)",
        "Translators (Traditional Chinese)",
        "Translators (Italian)",
        "Translators (Russian)",
    } <= names


@pytest.mark.django_db
def test_italian_translator_edits_and_publishes_italian_pages_only(
    translations, case_page
):
    user = translator("Italian")
    italian = translations["it"].permissions_for_user(user)
    russian = translations["ru"].permissions_for_user(user)
    english = case_page.permissions_for_user(user)
    assert italian.can_edit() and italian.can_publish()
    assert not russian.can_edit() and not russian.can_publish()
    assert not english.can_edit()


@pytest.mark.django_db
def test_translation_editor_refuses_another_locale(client, translations):
    user = translator("Italian")
    client.force_login(user)
    italian = client.get(f"/admin/pages/{translations['it'].pk}/edit/")
    russian = client.get(f"/admin/pages/{translations['ru'].pk}/edit/")
    assert italian.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [
        template.name for template in italian.templates
    ]
    assert russian.status_code in (302, 403)


@pytest.mark.django_db
def test_setup_is_safe_to_run_again(translations):
    groups = Group.objects.count()
    call_command("setup_translators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Group.objects.count() == groups
