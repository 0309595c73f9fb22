"""The README's "Try it" walk, its own commands run against the demo content.

The demo is loaded once for the module, as ``make demo`` loads it (its commit-time
work, search indexing included, run), inside a transaction rolled back at the end.
The translator's step, in a browser, is ``tests/e2e/test_try_it_translator.py``.
"""

import json
import re
from io import StringIO

import pytest

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from cms.demo.content.open_actions import EMAIL_ACTION_ID, SLUG, TARGET_EMAILS

from .try_it import TOKEN_PLACEHOLDER, run, steps

pytestmark = pytest.mark.django_db
SUPPORTER = "ada@example.org"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        search = {"URL": "", "INDEX_PREFIX": "test-try-it", "AUTOSYNC": True}
        with (
            override_settings(SEARCH=search),
            TestCase.captureOnCommitCallbacks(execute=True),
        ):
            call_command("load_demo", force=True, stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def curl(client, django_capture_on_commit_callbacks, settings):
    """Run one README command, and what its request leaves for after the commit.

    With the demo's settings (``cms.settings.dev``): the outbox keeps the mail.
    """
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "cms.outbox.backend.EmailBackend"

    def send(argv, **replace):
        with django_capture_on_commit_callbacks(execute=True):
            return run(client, argv, **replace)

    return send


def test_the_readme_has_every_step():
    assert list(steps()) == [
        "read",
        "take-action",
        "outbox",
        "confirm",
        "counted",
        "translated",
        "search",
    ]


def test_read_a_case_in_two_languages(demo, curl):
    english, chinese = (curl(argv).json() for argv in steps()["read"])
    assert (english["locale"], chinese["locale"]) == ("en", "zh-hant")
    assert english["person_name"] == chinese["person_name"] == "Azimjan Askarov"
    assert english["title"] != chinese["summary"]
    assert {t["locale"] for t in english["translations"]} == {"zh-hant"}


def test_take_an_action_confirm_it_and_see_it_counted_and_sent(demo, curl):
    walk = steps()
    count, submit = walk["take-action"]
    before = curl(count).json()
    assert (before["action_id"], before["state"]) == (EMAIL_ACTION_ID, "open")
    assert curl(submit).status_code == 202
    assert curl(count).json()["supporters"] == before["supporters"]

    (outbox,) = walk["outbox"]
    mail = curl(outbox).content.decode()
    assert f"To: {SUPPORTER}" in mail
    link = re.search(r"http://127\.0\.0\.1:8000/actions/confirm/\?token=([\w-]+)", mail)
    assert link, mail

    (confirm,) = walk["confirm"]
    answer = curl(confirm, **{TOKEN_PLACEHOLDER: link[1]}).json()
    assert answer == {
        "status": "confirmed",
        "action_id": EMAIL_ACTION_ID,
        "language": "en",
    }

    count_again, target_mail = walk["counted"]
    assert count_again == count
    assert curl(count_again).json()["supporters"] == before["supporters"] + 1
    sent = curl(target_mail).content.decode()
    assert f"<{TARGET_EMAILS[0]}>" in sent
    assert f"Reply-To: Ada Lovelace <{SUPPORTER}>" in sent
    assert "Subject: Stop the forced returns to Uzbekistan" in sent


def test_the_placeholder_is_no_token(demo, curl):
    """The reader must put the e-mailed token in: the command as written is refused."""
    (confirm,) = steps()["confirm"]
    with pytest.raises(AssertionError, match="400"):
        curl(confirm)


@pytest.mark.skipif(
    not apps.is_installed("search"), reason="the search plugin is switched off"
)
def test_search_in_chinese(demo, curl):
    (search,) = steps()["search"]
    items = curl(search).json()["items"]
    assert f"/zh-hant/news/{SLUG}/" in [item["path"] for item in items]
    assert {item["locale"] for item in items} == {"zh-hant"}


def test_the_translated_step_reads_the_italian_page(demo, curl):
    """Before the translator's work (the browser test does it) the page holds the
    source text: the README's command answers, in Italian, with the appeal."""
    (translated,) = steps()["translated"]
    page = curl(translated).json()
    assert page["locale"] == "it"
    appeals = [b["value"] for b in page["body"] if b["type"] == "appeal_address"]
    assert [a["salutation"] for a in appeals] == ["Dear Minister"]
    assert json.dumps(page).count("example.org") >= 1
