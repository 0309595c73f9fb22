"""A translator translates a case page into Italian in wagtail-localize's editor."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Locale

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from tests.e2e.conftest import ADMIN_PASSWORD
from tests.factories import CasePageFactory
from tests.factories.blocks import appeal_address_data

APPEAL = appeal_address_data()


@pytest.fixture
def italian_case_page(transactional_db):
    for code in ("it", "ru"):
        Locale.objects.get_or_create(language_code=code)
    page = CasePageFactory(
        title="Free Azimjan Askarov", body=[("appeal_address", APPEAL)]
    )
    page.save_revision().publish()
    italian = copy_page_for_translation(page, Locale.objects.get(language_code="it"))
    call_command("setup_translators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return italian


@pytest.fixture
def italian_translator(transactional_db):
    user = get_user_model().objects.create_user(
        username="traduttrice", password=ADMIN_PASSWORD
    )
    user.groups.add(Group.objects.get(name="Translators (Italian)"))
    return user


def sign_in(page, user):
    # Not the shared admin_login: a translator's dashboard is not titled "Casebook".
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url("/admin/login/")


def test_translator_translates_and_publishes(
    page, italian_case_page, italian_translator
):
    sign_in(page, italian_translator)
    page.goto(f"/admin/pages/{italian_case_page.pk}/edit/")

    segment = page.locator("li", has_text="Dear President").last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill("Egregio Presidente")
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text("Egregio Presidente")

    page.get_by_role("button", name="Publish in Italian").click()
    expect(page.locator(".messages")).to_be_visible()

    stored = CasePage.objects.get(pk=italian_case_page.pk)
    appeal = next(b.value for b in stored.body if b.block_type == "appeal_address")
    assert stored.live
    assert appeal["salutation"] == "Egregio Presidente"
    assert appeal["city"] == "Bishkek"
    response = page.request.get(f"/api/v1/pages/{stored.pk}/")
    if response.ok:  # the delivery API shows the published Italian text
        assert "Egregio Presidente" in response.text()
