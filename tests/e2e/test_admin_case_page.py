"""An editor builds a case page in the Wagtail admin, in a real browser."""

import re

from playwright.sync_api import expect

from cms.models import CasePage
from tests.e2e.admin import delivered_page, field, insert_block, publish
from tests.factories import CaseIndexPageFactory

FAX_ERROR = "Enter the fax number in international format"


def test_editor_fixes_a_bad_fax_number_and_publishes_a_case(
    page, admin_login, admin_user, settings
):
    # Autosave would create the page in the background at a moment of its choosing;
    # with it off, each click maps to one request and the test cannot race it.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    cases = CaseIndexPageFactory()
    admin_login(admin_user)

    page.goto(f"/admin/pages/{cases.pk}/")
    # A case index only takes case pages, so Wagtail opens the case page form.
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case")

    field(page, "Title").fill("Free Azimjan Askarov")
    field(page, "Person's name").fill("Azimjan Askarov")
    field(page, "Status", role="combobox").select_option(label="Imprisoned")
    field(page, "Summary").fill("A human rights defender serving a life sentence.")

    body = page.get_by_role("region", name="Body")
    quote = insert_block(body, "Quote")
    field(quote, "Quotation").fill("I am not guilty and I will not stop speaking out.")
    field(quote, "Speaker").fill("Azimjan Askarov")

    appeal = insert_block(body, "Appeal address")
    field(appeal, "Recipient").fill("Almazbek Atambaev")
    field(appeal, "Position").fill("President of Kyrgyzstan")
    field(appeal, "Address").fill("Government House\n205 Chui Avenue")
    field(appeal, "City").fill("Bishkek")
    field(appeal, "Postcode").fill("720003")
    field(appeal, "Country").fill("Kyrgyzstan")
    field(appeal, "Fax").fill("12345")
    field(appeal, "Salutation").fill("Dear President")
    field(appeal, "Ask").fill("Release Azimjan Askarov immediately.")

    publish(page)
    # The form comes back with the editor's input and the message next to the field.
    appeal = page.get_by_role("region", name="Appeal address")
    error = appeal.get_by_text(FAX_ERROR)
    expect(error).to_be_visible()
    expect(field(appeal, "Fax")).to_have_value("12345")
    assert not CasePage.objects.exists()

    field(appeal, "Fax").fill("+996 312 625012")
    publish(page)
    expect(page.get_by_text("created and published")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Free Azimjan Askarov"))
    expect(row).to_contain_text(re.compile(r"\blive\b", re.IGNORECASE))

    case = CasePage.objects.live().child_of(cases).get()
    assert case.person_name == "Azimjan Askarov"
    assert [block.block_type for block in case.body] == ["quote", "appeal_address"]
    assert case.body[0].value["speaker"] == "Azimjan Askarov"
    assert case.body[1].value["fax"] == "+996312625012"

    # Published means delivered: the live server's public API serves it anonymously.
    delivered = delivered_page(page, case.pk)
    assert delivered["person_name"] == "Azimjan Askarov"
    assert [block["type"] for block in delivered["body"]] == ["quote", "appeal_address"]
    assert delivered["body"][1]["value"]["fax"] == "+996312625012"
