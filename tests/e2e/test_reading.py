"""Communications staff see what they publish: the preview, the block picker and
the browsable site without a front-end, in a real browser."""

import re

from playwright.sync_api import expect

from cms.demo.build import build_demo
from tests.e2e.admin import field, insert_block
from tests.e2e.conftest import ARTIFACTS
from tests.factories import CaseIndexPageFactory

SIZES = ["mobile", "tablet", "desktop"]
APPEAL_DESCRIPTION = "The envelope supporters write to"


def start_case_page(page, admin_login, admin_user):
    cases = CaseIndexPageFactory()
    admin_login(admin_user)
    page.goto(f"/admin/pages/{cases.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case")
    return page.get_by_role("region", name="Body")


def test_an_editor_sees_the_case_page_they_build_in_the_preview(
    page, admin_login, admin_user, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.CASEBOOK_FRONTEND_URL = ""
    body = start_case_page(page, admin_login, admin_user)
    field(page, "Title").fill("Free Azimjan Askarov")
    field(page, "Person's name").fill("Azimjan Askarov")
    field(page, "Status", role="combobox").select_option(label="Imprisoned")
    field(page, "Summary").fill("A human rights defender serving a life sentence.")
    quote = insert_block(body, "Quote")
    field(quote, "Quotation").fill("They have destroyed us")
    field(quote, "Speaker").fill("Azimjan Askarov")
    appeal = insert_block(body, "Appeal address")
    for label, value in [
        ("Recipient", "Almazbek Atambaev"),
        ("Address", "Government House"),
        ("City", "Bishkek"),
        ("Country", "Kyrgyzstan"),
        ("Fax", "+996 312 625012"),
        ("Salutation", "Dear President"),
        ("Ask", "Release Azimjan Askarov."),
    ]:
        field(appeal, label).fill(value)

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe.w-preview__iframe").last
    for size in SIZES:
        page.locator(f"input[name='preview-size'][value='{size}']").check(force=True)
        expect(preview.get_by_role("heading", level=1)).to_have_text(
            "Free Azimjan Askarov"
        )
        expect(preview.locator("figure.quote")).to_contain_text(
            "They have destroyed us"
        )
        envelope = preview.locator("address.envelope")
        expect(envelope).to_contain_text("Government House")
        expect(envelope).to_contain_text("Kyrgyzstan")
        expect(preview.locator(".appeal")).to_contain_text("+996312625012")
        expect(preview.locator(".salutation")).to_contain_text("Dear President")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"case_page_preview_{size}.png")


def test_the_block_picker_describes_and_previews_the_appeal_address(
    page, admin_login, admin_user
):
    body = start_case_page(page, admin_login, admin_user)

    body.get_by_role("button", name="Insert a block").last.click()
    option = page.get_by_role("option", name="Appeal address", exact=True)
    row = page.locator(".w-combobox__option-row", has=option)
    row.locator(".w-combobox__option-preview").click()

    card = page.locator(".w-combobox-preview")
    expect(card.locator(".w-combobox-preview__label")).to_have_text("Appeal address")
    expect(card.locator(".w-combobox-preview__description")).to_contain_text(
        APPEAL_DESCRIPTION
    )
    preview = page.frame_locator(".w-combobox-preview__iframe")
    expect(preview.locator("address.envelope")).to_contain_text("Government House")
    expect(preview.locator(".salutation")).to_contain_text("Dear President")


def test_the_demo_site_shows_the_appeal_in_traditional_chinese(page, settings):
    settings.CASEBOOK_FRONTEND_URL = ""
    build_demo()

    page.goto("/en/cases/azimjan-askarov/")
    english_envelope = page.locator("address.envelope").inner_text()
    page.get_by_role("link", name="繁體中文").click()

    expect(page).to_have_url(re.compile(r"/zh-hant/cases/azimjan-askarov/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hant")
    expect(page.locator("h2", has_text="事件經過")).to_be_visible()
    envelope = page.locator("address.envelope")
    expect(envelope).to_have_attribute("translate", "no")
    assert envelope.inner_text() == english_envelope
    expect(envelope).to_contain_text("Government House")
    expect(envelope).to_contain_text("Bishkek")
    expect(page.locator(".appeal .salutation")).to_contain_text("總統閣下")
    expect(page.locator(".appeal .salutation")).not_to_contain_text("Dear President")
    envelope.scroll_into_view_if_needed()
