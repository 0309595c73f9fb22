"""What a newcomer finds after ``make demo``: open actions, logins, the right port.

The demo is loaded once for the module inside a transaction rolled back at the end.
"""

import re
import shutil
import subprocess
from io import StringIO

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Page

from caseblocks.blocks.actions import ActionFormBlock, ActionState
from caseblocks.models import ActionTarget
from cms.demo.content import elshibayev, open_actions
from cms.demo.users import EDITOR, PASSWORD_VARIABLE

from .test_plugin_seam import ROOT

pytestmark = pytest.mark.django_db
SUPPORTERS_DATA = [
    "caseblocks.view_submission",
    "caseblocks.erase_supporter",
    "caseblocks.change_actiontarget",
]
EXAMPLE_DOMAIN = "@example.org"


def load(**options):
    out = StringIO()
    call_command("load_demo", force=True, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The first run's output, with the accounts' passwords left to chance."""
    with django_db_blocker.unblock(), transaction.atomic():
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv(PASSWORD_VARIABLE, raising=False)
            yield load()
        transaction.set_rollback(True)


def login_of(output, username):
    match = re.search(rf"user: {re.escape(username)}  password: (\S+)", output)
    assert match, output
    return match[1]


def action_values(page):
    return [b.value for b in page.specific.body if b.block_type == "action_form"]


def test_one_open_action_of_each_kind_on_pages_in_two_languages(demo, client):
    kinds = {}
    for action_id in (open_actions.EMAIL_ACTION_ID, open_actions.PETITION_ACTION_ID):
        for language in ("en", "zh-hant"):
            answer = client.get(f"/api/v1/actions/{action_id}/?language={language}")
            assert answer.status_code == 200
            action = answer.json()
            assert (action["state"], action["language"]) == ("open", language)
            kinds[action_id] = action["kind"]
    assert sorted(kinds.values()) == ["email", "petition"]


def open_appeal(language):
    return Page.objects.live().get(
        slug=open_actions.SLUG, locale__language_code=language
    )


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_open_appeal_offers_its_letter_with_the_pledge_beside_it(
    demo, client, language
):
    page = open_appeal(language)
    body = client.get(f"/api/v1/pages/{page.pk}/").json()["body"]
    types = [block["type"] for block in body]
    appeal, pledge = body[types.index("appeal_address") :][:2]
    assert appeal["value"]["email"].endswith(EXAMPLE_DOMAIN)
    for paper in ("a4", "letter"):
        letter = client.get(appeal["value"]["letter"][paper])
        assert (letter.status_code, letter["Content-Type"]) == (200, "application/pdf")
    assert pledge["type"] == "action_form"
    assert (pledge["value"]["action_id"], pledge["value"]["kind"]) == (
        open_actions.LETTER_ACTION_ID,
        "letter",
    )
    action = client.get(
        f"/api/v1/actions/{open_actions.LETTER_ACTION_ID}/?language={language}"
    ).json()
    assert (action["state"], action["kind"]) == ("open", "letter")


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_open_appeal_page_shows_the_letter_and_the_pledge_together(
    demo, client, language
):
    page = open_appeal(language)
    body = client.get(f"/api/v1/pages/{page.pk}/").json()["body"]
    types = [block["type"] for block in body]
    appeal, pledged = body[types.index("appeal_address") :][:2]
    # The site serves each language version under its language's prefix.
    response = client.get(f"/{language}{page.url}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    appeal_at = html.index('<section class="appeal">')
    appeal_end = html.index("</section>", appeal_at) + len("</section>")
    for paper in ("a4", "letter"):
        assert (
            f'href="{appeal["value"]["letter"][paper]}"' in html[appeal_at:appeal_end]
        )
    # The pledge is the very next block.
    pledge = re.compile(
        r'\s*</div>\s*<div class="[^"]*\bblock-action_form">'
        r'(<section class="action action-open">.*?</section>)',
        re.DOTALL,
    ).match(html, appeal_end)
    assert pledge, html[appeal_end : appeal_end + 300]
    pledge_html = pledge[1]
    assert escape(pledged["value"]["suggested_message"]) in pledge_html
    assert escape(pledged["value"]["consent_text"]) in pledge_html


def test_the_open_actions_write_to_example_addresses_only(demo):
    emails = {t.email for t in ActionTarget.objects.all()}
    assert set(open_actions.TARGET_EMAILS) <= emails
    pages = Page.objects.live().filter(slug=open_actions.SLUG)
    assert pages.count() == 3  # en, zh-hant, and it left for the translator
    for page in pages:
        for value in action_values(page):
            for target in value["targets"]:
                assert target.email.endswith(EXAMPLE_DOMAIN)


def test_real_addresses_appear_only_on_concluded_actions(demo):
    """Every address not on example.org, and every fax, sits on a closed action."""
    real = []
    for page in Page.objects.live().specific():
        campaign_open = getattr(page, "campaign_is_open", True)
        for block in getattr(page, "body", ()):
            if block.block_type == "action_form":
                addresses = [t.email for t in block.value["targets"] if t]
                closed = (
                    ActionFormBlock.state(block.value, campaign_open)
                    == ActionState.CLOSED
                )
            elif block.block_type == "appeal_address":
                addresses = [block.value["email"], block.value["fax"]]
                closed = not campaign_open
            else:
                continue
            for address in filter(None, addresses):
                if not address.endswith(EXAMPLE_DOMAIN):
                    real.append((page.slug, address, closed))
    assert {address for _slug, address, _closed in real} >= set(
        elshibayev.TARGET_EMAILS
    )
    assert [entry for entry in real if not entry[2]] == []


def test_an_editor_without_access_to_supporters_data(demo, client):
    password = login_of(demo, EDITOR)
    editor = get_user_model().objects.get(username=EDITOR)
    assert editor.check_password(password)
    assert [editor.has_perm(p) for p in SUPPORTERS_DATA] == [False] * 3
    assert editor.has_perm("wagtailadmin.access_admin")
    assert "Editors" in editor.groups.values_list("name", flat=True)

    client.force_login(editor)
    action = open_actions.EMAIL_ACTION_ID
    # Exact figures are not an editor's: they would tell who just took part.
    report = client.get(reverse("caseblocks_reports:action", args=[action]))
    assert (report.status_code, report["Location"]) == (302, "/admin/")
    export = client.get(reverse("caseblocks_reports:export_csv", args=[action]))
    # Refused as Wagtail refuses: back to the dashboard, no file.
    assert (export.status_code, export["Location"]) == (302, "/admin/")


def test_a_random_password_is_printed_once(demo):
    password = login_of(demo, EDITOR)
    again = load()
    assert password not in again
    assert PASSWORD_VARIABLE in login_of(again, EDITOR) + again
    assert get_user_model().objects.get(username=EDITOR).check_password(password)


def test_the_password_from_the_environment(demo, monkeypatch):
    monkeypatch.setenv(PASSWORD_VARIABLE, "walk-the-demo-42")
    output = load()
    assert login_of(output, EDITOR) == "walk-the-demo-42"
    assert (
        get_user_model().objects.get(username=EDITOR).check_password("walk-the-demo-42")
    )


@pytest.mark.skipif(
    apps.is_installed("cms.translation"), reason="with the translation plugin"
)
def test_without_the_translation_plugin_no_translators(demo):
    assert "translator-" not in demo
    assert login_of(demo, EDITOR)


def test_the_addresses_printed_follow_the_base_url(demo, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    output = load()
    addresses = re.findall(r"http://[^\s)]+", output)
    assert addresses and all(a.startswith("http://127.0.0.1:8123/") for a in addresses)
    for path in ("/", "/admin/", "/api/docs"):
        assert f"http://127.0.0.1:8123{path}" in addresses


def test_make_demo_serves_and_mails_on_its_port():
    """``make demo PORT=8123``: load_demo and runserver both get the address."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("no make")
    dry_run = subprocess.run(
        [make, "-n", "demo", "PORT=8123"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    url = "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123 "
    assert re.search(rf"^{url}\S+ manage.py load_demo$", dry_run, re.M), dry_run
    assert re.search(
        rf"^{url}\S+ manage.py runserver 127.0.0.1:8123$", dry_run, re.M
    ), dry_run
