"""A task worker is killed in the middle of a batch of messages.

The real ``manage.py db_worker`` runs in a subprocess against the test database,
with ``tests.faults.dying_mail`` as its mail backend: it records each message as
it goes out, and kills the worker with ``SIGKILL`` after the third. Then
``manage.py send_pending_messages`` sends what is left. Delivery is at least
once: the message on its way at that moment went out, but the worker died before
recording it, so it is sent again. Every other message goes out exactly once,
and none is marked sent without having been sent.
"""

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest

from django.core.management import call_command
from django.db import connection

from caseblocks.models import OutgoingMessage
from caseblocks.tasks import process_received_submissions
from tests.caseblocks.conftest import confirm_token

from .conftest import supporter

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SUPPORTERS = ["anna@example.org", "ben@example.org", "chen@example.org"]


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "the worker runs in another process, which cannot see SQLite's "
            "in-memory test database; this test runs on PostgreSQL"
        )


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_log(tmp_path, settings, monkeypatch):
    """The file the recording backend writes, here and in the workers."""
    path = tmp_path / "sent.jsonl"
    path.touch()
    monkeypatch.setenv("FAULTS_MAIL_LOG", str(path))
    settings.EMAIL_BACKEND = "tests.faults.dying_mail.EmailBackend"
    return path


def database_url():
    """The test database, for the worker's ``DATABASE_URL``."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return (
        f"postgres://{quote(db['USER'], safe='')}{password}@"
        f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


def db_worker(**env):
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--skip-checks",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
            "DATABASE_URL": database_url(),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def logged(path):
    """What went out: ``(target, Reply-To)`` for each message, in order."""
    lines = path.read_text().splitlines()
    return [(line["to"], line["reply_to"]) for line in map(json.loads, lines)]


def key(message):
    return (f"{message.target_name} <{message.target_email}>", message.reply_to)


def test_a_killed_worker_loses_nothing_and_resends_only_the_message_in_flight(
    postgresql, action_page, client, submit, mailed_links, database_queue, mail_log
):
    for email in SUPPORTERS:
        assert submit(supporter(email=email)).status_code == 202
    # The queued task mails each supporter a link; each follows it.
    process_received_submissions.call()
    assert len(mailed_links) == len(SUPPORTERS)
    for token in mailed_links:
        assert confirm_token(client, token).status_code == 200
    every = {key(message) for message in OutgoingMessage.objects.all()}
    assert len(every) == 6  # three supporters, two targets

    killed = db_worker(FAULTS_DIE_AFTER="3")

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    went_out = logged(mail_log)
    assert len(went_out) == 3
    marked_sent = {key(m) for m in OutgoingMessage.objects.filter(state="sent")}
    assert marked_sent < set(went_out)  # none marked sent without going out
    (in_flight,) = set(went_out) - marked_sent
    pending = OutgoingMessage.objects.filter(state__in=["queued", "deferred"])
    assert {key(m) for m in pending} == every - marked_sent
    assert in_flight in {key(m) for m in pending}

    # The killed worker's task stays "running" in the queue and is never run
    # again: the messages it left wait for the command that cron runs.
    call_command("send_pending_messages", stdout=StringIO())

    assert set(OutgoingMessage.objects.values_list("state", flat=True)) == {"sent"}
    times_sent = Counter(logged(mail_log))
    assert set(times_sent) == every
    assert {m for m, n in times_sent.items() if n > 1} == {in_flight}
    assert times_sent[in_flight] == 2
