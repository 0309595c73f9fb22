"""The TypeScript client in ``examples/typescript-client`` against a live server.

Generates the client's types from the server's OpenAPI document, compiles the
example with ``tsc`` (a type error fails the test) and runs it: it lists the
Italian case pages, reads a case and its action, and takes part in the action.

Needs ``npm``. ``node_modules`` is installed with ``npm ci`` into the example's
folder (git-ignored) and kept while ``package-lock.json`` is unchanged, so later
runs skip the install. Without ``npm``, or when ``npm ci`` cannot reach the
registry, the test is skipped with the reason.
"""

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from django.core import mail
from django.test import Client

from wagtail.models import Locale

from caseblocks.models import OutgoingMessage, Submission
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory
from tests.factories.blocks import action_form_data

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "typescript-client"
STAMP = EXAMPLE / "node_modules" / ".casebook-lock-sha256"
ACTION_ID = "free-erzhan-elshibayev"
DEMO_EMAIL = "demo.supporter@example.org"
# npm's words for a registry it could not reach.
OFFLINE = re.compile(r"ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network")
# Bounds for a hung tool, far above what each step takes.
INSTALL_TIMEOUT = 300
STEP_TIMEOUT = 120


def run(args, cwd, **env):
    return subprocess.run(
        args,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **env},
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        check=False,
    )


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def node_modules():
    """The example's dependencies, installed once per ``package-lock.json``."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not on PATH: the TypeScript client is not built")
    lock = hashlib.sha256((EXAMPLE / "package-lock.json").read_bytes()).hexdigest()
    if not (STAMP.exists() and STAMP.read_text() == lock):
        result = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=EXAMPLE,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 and OFFLINE.search(output):
            pytest.skip(f"npm ci cannot reach the registry: {output[-300:]}")
        assert result.returncode == 0, output
        STAMP.write_text(lock)
    return EXAMPLE / "node_modules"


@pytest.fixture
def client_copy(node_modules, tmp_path):
    """The example's sources in a fresh folder, sharing the installed packages.

    The test writes its own ``schema.d.ts`` and ``dist/`` there, so a schema a
    developer generated in the example's folder is left alone.
    """
    for name in ("package.json", "tsconfig.json"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    shutil.copytree(EXAMPLE / "src", tmp_path / "src", ignore=ignore_generated)
    (tmp_path / "node_modules").symlink_to(node_modules, target_is_directory=True)
    return tmp_path


def ignore_generated(folder, names):
    return [name for name in names if name == "schema.d.ts"]


@pytest.fixture
def italian_case(live_server):
    """A published English case with an open action, and its Italian translation,
    with an Italian news post about it."""
    country = CountryPageFactory(title="Kazakhstan", iso_code="KZ")
    page = CasePageFactory(
        live=False,
        country=country,
        title="Erzhan Elshibayev",
        slug="erzhan-elshibayev",
        person_name="Erzhan Elshibayev",
        body=[
            {"type": "rich_text", "value": "<p>Sentenced in 2019.</p>"},
            {
                "type": "key_facts",
                "value": {
                    "heading": "",
                    "facts": [{"label": "City", "value": "Zhanaozen"}],
                },
            },
            {"type": "action_form", "value": action_form_data(action_id=ACTION_ID)},
        ],
    )
    page.save_revision().publish()
    italian = Locale.objects.get_or_create(language_code="it")[0]
    translation = page.copy_for_translation(italian, copy_parents=True)
    translation.summary = "Un attivista per i diritti dei lavoratori."
    translation.save_revision().publish()
    news = NewsPageFactory(title="Una lettera")
    news.related_cases.set([page])
    news.save_revision().publish()
    news.copy_for_translation(italian, copy_parents=True).save_revision().publish()
    return translation


def test_generated_client_lists_reads_and_takes_part(
    client_copy, italian_case, live_server, settings
):
    # One submission a day per client address: the second run meets the limit.
    # (The windows are fixed: with a minute's, the two runs could fall either
    # side of a window's end.)
    settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["1/86400"], "EMAIL": ["3/86400"]}
    }
    ok(run(["npm", "run", "generate"], client_copy, API_URL=live_server.url))
    schema = (client_copy / "src" / "schema.d.ts").read_text()
    assert '"/api/v1/actions/{action_id}/submissions"' in schema

    # `npm run demo` is `tsc && node dist/demo.js`: a type error stops it there.
    output = ok(run(["npm", "run", "demo"], client_copy, API_URL=live_server.url))

    assert "1 case page(s) in 'it':" in output
    assert (
        f"#{italian_case.pk} Erzhan Elshibayev [imprisoned] "
        "/it/cases/erzhan-elshibayev/ (KZ)" in output
    )
    assert "Content-Language: it" in output
    assert "Related news: 1" in output
    assert "Body blocks: rich_text, key_facts, action_form" in output
    assert f"Action {ACTION_ID}: open, 0 of 1000 supporter(s)" in output
    assert "Submission: 202 accepted: Thank you." in output
    stored = Submission.objects.get(action_id=ACTION_ID)
    assert (stored.email, stored.language, stored.page_id) == (
        DEMO_EMAIL,
        "it",
        italian_case.pk,
    )
    # Nothing counts or goes out until the supporter follows the e-mailed link.
    assert stored.state == "pending"
    assert not OutgoingMessage.objects.filter(action_id=ACTION_ID).exists()
    [token] = re.findall(r"token=([\w-]+)", mail.outbox[-1].body)
    confirmed = Client().post(
        "/api/v1/actions/confirmations",
        {"token": token},
        content_type="application/json",
    )
    assert confirmed.status_code == 200
    assert OutgoingMessage.objects.filter(action_id=ACTION_ID).count() == 1

    # Straight away again: the client address is over its limit.
    again = ok(run(["node", "dist/demo.js"], client_copy, API_URL=live_server.url))
    assert f"Action {ACTION_ID}: open, 1 of 1000 supporter(s)" in again
    assert re.search(r"Submission: 429, retry in \d+ s: body: Too many", again)
    assert Submission.objects.filter(action_id=ACTION_ID).count() == 1
