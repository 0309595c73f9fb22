"""A translator translates a case page into Italian in wagtail-localize's editor."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Locale

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from tests.e2e.admin import ADMIN_PASSWORD, delivered_page, sign_in
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


def translate(page, source_text, translation):
    """Translate the segment whose source is ``source_text`` and save it."""
    segment = page.locator("li", has_text=source_text).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(translation)
    return segment


def test_translator_translates_and_publishes(
    page, italian_case_page, italian_translator
):
    # Not the shared admin_login: a translator's dashboard is not titled "Casebook".
    sign_in(page, italian_translator)
    page.goto(f"/admin/pages/{italian_case_page.pk}/edit/")

    # The appeal's salutation and ask are for translators; the postal address
    # goes out as written, so it is not even shown.
    expect(
        page.locator("li", has_text="Release Azimjan Askarov now.")
    ).not_to_have_count(0)
    for as_written in ("Government House", "Bishkek", "Almazbek Atambaev"):
        expect(page.get_by_text(as_written)).to_have_count(0)
    salutation = translate(page, "Dear President", "Egregio Presidente")
    translate(page, "Release Azimjan Askarov now.", "Liberate subito Azimjan Askarov.")

    page.get_by_role("button", name="Publish in Italian").click()
    expect(page.locator(".messages")).to_contain_text("in Italian")

    stored = CasePage.objects.get(pk=italian_case_page.pk)
    appeal = next(b.value for b in stored.body if b.block_type == "appeal_address")
    assert stored.live
    assert appeal["salutation"] == "Egregio Presidente"
    assert appeal["city"] == "Bishkek"

    # Front-ends ask for the source page in Italian and get the translation.
    source = italian_case_page.get_translation(Locale.objects.get(language_code="en"))
    delivered = delivered_page(page, source.pk, locale="it")
    assert delivered["id"] == stored.pk
    [appeal] = [b["value"] for b in delivered["body"] if b["type"] == "appeal_address"]
    assert appeal["salutation"] == "Egregio Presidente"
    assert appeal["ask"] == "Liberate subito Azimjan Askarov."
    assert appeal["address_lines"] == ["Government House"]
    assert appeal["recipient"] == "Almazbek Atambaev"

    # The last screen: the translated salutation in the editor.
    salutation.scroll_into_view_if_needed()
