"""The README's translator step, on the demo content, as the demo's Italian translator.

Signs in with the printed login, opens the page from the dashboard's "Translations
waiting", translates the appeal's salutation, publishes, then runs the README's
own command for the Italian page against the live server.
"""

import re
from io import StringIO

import pytest
from playwright.sync_api import expect

from django.core.management import call_command

from cms.demo.content.open_actions import OPEN_ACTIONS
from cms.demo.users import PASSWORD_VARIABLE, TRANSLATORS
from tests.cms.try_it import README, as_request, steps

PASSWORD = "translate-the-demo"
SALUTATION, TRANSLATED = "Dear Minister", "Egregio Ministro"


@pytest.fixture
def demo_login(transactional_db, monkeypatch):
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    out = StringIO()
    call_command("load_demo", force=True, stdout=out)
    match = re.search(rf"user: {TRANSLATORS['it']}  password: (\S+)", out.getvalue())
    assert match, out.getvalue()
    return TRANSLATORS["it"], match[1]


def test_the_italian_translator_translates_the_salutation(page, demo_login):
    readme = README.read_text()
    for words in ("Translations waiting", SALUTATION, TRANSLATED, "Publish in Italian"):
        assert words in readme  # the test follows what the README tells

    username, password = demo_login
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Translations waiting").first).to_be_visible()
    page.get_by_role("link", name=OPEN_ACTIONS["text"]["en"]["title"]).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))

    segment = page.locator("li", has_text=SALUTATION).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(TRANSLATED)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(TRANSLATED)
    page.get_by_role("button", name="Publish in Italian").click()
    expect(page.locator(".messages")).to_contain_text("in Italian")

    (command,) = steps()["translated"]
    _method, path, _body, _type, _headers = as_request(command)
    answer = page.request.get(path)
    assert answer.ok, answer.text()
    body = answer.json()["body"]
    [appeal] = [b["value"] for b in body if b["type"] == "appeal_address"]
    assert appeal["salutation"] == TRANSLATED
    assert appeal["address_lines"] == ["1 Example Street"]
