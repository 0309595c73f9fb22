"""Steps an editor takes in the Wagtail admin, shared by the browser tests."""

import re

from playwright.sync_api import expect

ADMIN_PASSWORD = "correct horse battery staple"


def sign_in(page, user, password=ADMIN_PASSWORD):
    """Sign ``user`` in to the Wagtail admin and wait to leave the login form."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))
    return page


def field(scope, label, role="textbox"):
    """The form control named ``label`` (plain words), asterisk for required or not."""
    # By role, not by label: Wagtail's panels are labelled by their field's name too.
    return scope.get_by_role(role, name=re.compile(rf"^{re.escape(label)}\s*\*?$"))


def fill_date(control, value):
    """Type ``value`` into a date or date-and-time field and close its picker.

    The picker opens a moment after the field gains focus; left open, it covers
    the buttons below it. Focus can still move after a dialog closes (the admin
    gives it back to the button that opened the dialog), closing the picker it
    had just opened: then the field is pressed again, as a person would.
    """
    pickers = control.page.locator(".xdsoft_datetimepicker:visible")
    for _attempt in range(3):
        control.click()
        control.fill(value)
        try:
            expect(pickers).to_have_count(1, timeout=5_000)
            break
        except AssertionError:
            continue
    expect(pickers).to_have_count(1)
    control.blur()
    # The picker closes on a mousedown outside it; a blur alone sometimes leaves
    # it open when the machine is slow, so press outside as a person would.
    control.page.locator("body").dispatch_event("mousedown")
    expect(pickers).to_have_count(0)
    expect(control).to_have_value(value)


def block_region(scope, name):
    """The StreamField blocks of the type shown as ``name``.

    A block's header reads its type and then a summary of what is filled in
    ("Heading What happened"), so the name is matched as a prefix.
    """
    return scope.get_by_role("region", name=re.compile(rf"^{re.escape(name)}\b"))


def insert_block(body, name):
    """Append a block of the type shown as ``name`` to a StreamField and return it."""
    body.get_by_role("button", name="Insert a block").last.click()
    body.page.get_by_role("option", name=name, exact=True).click()
    block = block_region(body, name).last
    expect(block).to_be_visible()
    return block


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()


def delivered_page(page, page_id, **params):
    """The page as the live server's public API serves it (the test fails otherwise)."""
    response = page.request.get(f"/api/v1/pages/{page_id}/", params=params or None)
    assert response.ok, (response.status, response.text())
    return response.json()
