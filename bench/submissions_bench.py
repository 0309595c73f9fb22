"""Concurrent submissions to one action, under gunicorn on PostgreSQL.

    python -m bench.submissions_bench

Makes a database of its own (BENCH_ACTIONS_DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/casebook_bench_actions, dropped and made
anew), publishes one e-mail action with two targets, serves it with gunicorn
(BENCH_WORKERS workers, by default 2 x cores + 1; BENCH_THREADS > 1 uses gthread
workers with that many threads) and posts submissions from BENCH_CLIENTS
processes for BENCH_SECONDS, split into BENCH_ROUNDS turns (default 4) that
alternate with the same turns on a bare view (below). Addresses are drawn from a pool, in varied
spellings, so many are repeats. Messages go to the database task queue and are
not sent. The cache is Redis (BENCH_ACTIONS_REDIS_URL, by default database 10 of
the local Redis, flushed at the start), as production must share one.
Gunicorn listens on BENCH_PORT (by default any free port).

Prints the SQL statements of one first submission and of one repeat, accepted
submissions per second and latency percentiles, and, in the same run, the
ceiling of the stack: a bare Django view through the same middleware and
gunicorn, taking the same POST. Each round loads both, one after the other
(which goes first alternates), so a change in the machine's load meets both
sides alike; the share of the bare view is the median of the rounds'. Then decides the received submissions here, as
the task would (mailing a link each, to the dummy backend), and confirms every
link over HTTP from the same client processes, printing confirmations per
second. Finally checks that the rows, the counter, the public count and the
queued messages agree: nothing lost, nothing counted twice.
"""

import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.server import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_ACTIONS_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/casebook_bench_actions",
)
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "4"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
WORKERS = os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1))
THREADS = os.environ.get("BENCH_THREADS", "1")
REDIS_URL = os.environ.get("BENCH_ACTIONS_REDIS_URL", "redis://127.0.0.1:6379/10")
POOL = int(os.environ.get("BENCH_POOL", "3000"))
# The port gunicorn listens on; 0: any free port.
PORT = int(os.environ.get("BENCH_PORT", "0"))
ACTION_ID = "bench-action"
PROBE_ID = "bench-probe"
TARGETS = 2

SETTINGS = """
from cms.settings.base import *  # noqa
SECRET_KEY = "bench-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Limits far above the load, so they are checked on every request but never hit.
CASEBOOK_ACTIONS = {"RATE_LIMITS": {"ADDRESS": ["1000000/60"], "EMAIL": ["1000/60"]}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
ROOT_URLCONF = "bench_actions_urls"
"""

URLS = """
import json

from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def ceiling(request):
    # The stack's ceiling: gunicorn, Django and its middleware, a JSON body read
    # and an answer written; no database, cache or validation.
    json.loads(request.body)
    return JsonResponse({"status": "accepted"}, status=202)


urlpatterns = [path("bench/ceiling/", ceiling), path("", include("cms.urls"))]
"""


def spelling(number, rng):
    """One of the ways a supporter types the same address."""
    local = f"supporter{number}"
    return rng.choice(
        [
            f"{local}@example.org",
            f"{local.upper()}@Example.org",
            f"{local}+bench@example.org",
        ]
    )


def confirmer(port, tokens, results):
    """POST each token to the confirmation route; report latencies and statuses."""
    latencies, statuses = [], {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for token in tokens:
        start = time.perf_counter()
        connection.request(
            "POST",
            "/api/v1/actions/confirmations",
            body=json.dumps({"token": token}),
            headers={"Content-Type": "application/json"},
        )
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - start)
        statuses[response.status] = statuses.get(response.status, 0) + 1
    results.put((latencies, statuses))


def confirm_all(port, tokens):
    """Confirm ``tokens`` from CLIENTS processes; return (seconds, statuses)."""
    results = multiprocessing.Queue()
    shares = [tokens[n::CLIENTS] for n in range(CLIENTS)]
    workers = [
        multiprocessing.Process(target=confirmer, args=(port, share, results))
        for share in shares
    ]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    collected = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    statuses = {}
    for _latencies, batch in collected:
        for status, count in batch.items():
            statuses[status] = statuses.get(status, 0) + count
    return elapsed, statuses


def decide_received():
    """Run the task that decides received submissions; return the links' tokens."""
    from caseblocks.actions import confirmation
    from caseblocks.tasks import process_received_submissions

    tokens = []
    make_link = confirmation.confirmation_link

    def recording(token, language):
        tokens.append(token)
        return make_link(token, language)

    confirmation.confirmation_link = recording
    try:
        start = time.perf_counter()
        process_received_submissions.call()
        elapsed = time.perf_counter() - start
    finally:
        confirmation.confirmation_link = make_link
    return tokens, elapsed


def client(port, seconds, seed, results, path=None):
    rng = random.Random(seed)
    latencies, statuses, emails = [], {}, []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        email = spelling(rng.randrange(POOL), rng)
        body = json.dumps(
            {
                "name": "Bench Supporter",
                "email": email,
                "country": "IT",
                "consent": True,
            }
        )
        start = time.perf_counter()
        try:
            connection.request(
                "POST",
                path or f"/api/v1/actions/{ACTION_ID}/submissions",
                body=body,
                headers={"Content-Type": "application/json"},
            )
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            status = "error"
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies.append(time.perf_counter() - start)
        statuses[status] = statuses.get(status, 0) + 1
        if status == 202 and path is None:
            emails.append(email)
    results.put((latencies, statuses, emails))


def recreate_database(database_url=DATABASE_URL):
    import psycopg

    url = urlsplit(database_url)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def publish_actions():
    from django.core.management import call_command

    from cms.models import CaseIndexPage, HomePage

    call_command("migrate", verbosity=0)
    home = HomePage.objects.get(depth=2)
    index = home.add_child(instance=CaseIndexPage(title="Cases", slug="cases"))
    index.save_revision().publish()
    publish_action(index, ACTION_ID)
    publish_action(index, PROBE_ID)


def publish_action(index, action_id):
    from caseblocks.models import ActionTarget
    from cms.models import CasePage

    targets = [
        ActionTarget.objects.get_or_create(
            email=f"target{n}@example.org", defaults={"name": f"Target {n}"}
        )[0].pk
        for n in range(TARGETS)
    ]
    value = {
        "action_id": action_id,
        "kind": "email",
        "targets": targets,
        "subject": "Free Erzhan Elshibayev",
        "suggested_message": "Release him.",
        "consent_text": "I agree.",
        "goal": 10000,
        "opens_at": None,
        "closes_at": None,
        "confirmation_text": "Thank you.",
        "closed_text": "Concluded.",
    }
    case = CasePage(
        title=f"Erzhan Elshibayev {action_id}",
        slug=action_id,
        person_name="Erzhan Elshibayev",
        status="imprisoned",
        summary="A worker jailed for organising.",
        body=[{"type": "action_form", "value": value}],
    )
    index.add_child(instance=case)
    case.save_revision().publish()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    return values[min(len(values) - 1, int(len(values) * fraction))] * 1000


def load(port, path=None, seconds=SECONDS, seeds=range(CLIENTS)):
    results = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=client, args=(port, seconds, seed, results, path)
        )
        for seed in seeds
    ]
    for worker in workers:
        worker.start()
    collected = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    latencies = sorted(value for batch, _s, _e in collected for value in batch)
    statuses = {}
    for _l, batch, _e in collected:
        for status, count in batch.items():
            statuses[status] = statuses.get(status, 0) + count
    emails = [email for _l, _s, batch in collected for email in batch]
    return latencies, statuses, emails


def side_by_side(port):
    """Alternate turns of submissions and of the bare view, ROUNDS of each.

    Returns the submissions' latencies, statuses and accepted addresses, and per
    round ``(accepted/s, bare view req/s)``.
    """
    seconds = SECONDS / ROUNDS
    latencies, statuses, emails, rounds = [], {}, [], []
    for number in range(ROUNDS):
        rates = {}
        for part in ("ceiling", "submissions")[:: 1 if number % 2 else -1]:
            if part == "ceiling":
                done = load(port, path="/bench/ceiling/", seconds=seconds)[1]
                rates[part] = done.get(202, 0) / seconds
                continue
            # Each round's clients draw other addresses, as one long run would.
            seeds = range(number * CLIENTS, (number + 1) * CLIENTS)
            batch, counted, accepted = load(port, seconds=seconds, seeds=seeds)
            latencies += batch
            emails += accepted
            for status, count in counted.items():
                statuses[status] = statuses.get(status, 0) + count
            rates[part] = counted.get(202, 0) / seconds
        rounds.append((rates["submissions"], rates["ceiling"]))
    return sorted(latencies), statuses, emails, rounds


def check(port, emails, received, tokens, confirmed):
    from django_tasks_db.models import DBTaskResult

    from caseblocks.actions.identity import normalise_email
    from caseblocks.models import ActionCounter, OutgoingMessage, Submission
    from caseblocks.tasks import WAITING_FLAG_SECONDS

    counter = ActionCounter.objects.totals(ACTION_ID)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", f"/api/v1/actions/{ACTION_ID}/")
    public = json.loads(connection.getresponse().read())["supporters"]
    unique = len({normalise_email(email) for email in emails})
    submissions = Submission.objects.filter(action_id=ACTION_ID)
    firsts = submissions.filter(is_first=True).count()
    messages = OutgoingMessage.objects.filter(action_id=ACTION_ID)
    facts = [
        ("accepted responses = received rows", len(emails), received),
        ("received rows = links mailed (none taken part yet)", received, len(tokens)),
        ("links = confirmations answered 200", len(tokens), confirmed),
        (
            "confirmed rows = counter submissions",
            submissions.filter(state="confirmed").count(),
            counter["submissions"],
        ),
        ("confirmations = confirmed rows", confirmed, submissions.count()),
        ("distinct addresses sent = first submissions", unique, firsts),
        ("first submissions = counter supporters", firsts, counter["supporters"]),
        ("counter supporters = public count", counter["supporters"], public),
        (
            "first submissions x targets = queued messages",
            firsts * TARGETS,
            messages.filter(state="queued").count(),
        ),
    ]
    waiting = DBTaskResult.objects.filter(
        task_path="caseblocks.tasks.deliver_due_messages", status="READY"
    ).count()
    print(
        f"  delivery tasks waiting for the queued messages: {waiting} "
        f"(one per {WAITING_FLAG_SECONDS} s at most while none runs)"
    )
    facts += [
        ("a delivery task waits for the queued messages", True, waiting >= 1),
    ]
    agree = True
    for label, left, right in facts:
        mark = "ok  " if left == right else "FAIL"
        agree &= left == right
        print(f"  {mark} {label}: {left} = {right}")
    return agree


def count_statements():
    """SQL statements of one first submission and of one repeat, on the probe action."""
    from django_tasks_db.models import DBTaskResult

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from caseblocks.models import Submission

    client = Client(SERVER_NAME="127.0.0.1")
    path = f"/api/v1/actions/{PROBE_ID}/submissions"
    body = {"name": "Probe", "country": "IT", "consent": True}
    client.get(f"/api/v1/actions/{PROBE_ID}/")  # the lookup, cached as when warm
    counts = []
    for email in ("probe@example.org", "PROBE@example.org"):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                path, {**body, "email": email}, content_type="application/json"
            )
        assert response.status_code == 202, response.content
        counts.append([query["sql"].split()[0] for query in queries.captured_queries])
    # The probe's task rows and received submissions, so the check below adds up.
    DBTaskResult.objects.all().delete()
    Submission.objects.filter(action_id=PROBE_ID).delete()
    return counts


def flush_redis():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.RedisError as error:
        raise SystemExit(f"No Redis at {REDIS_URL}: {error}") from error


def serve(env, port):
    threads = int(THREADS)
    worker_class = (
        ["--worker-class", "gthread", "--threads", THREADS] if threads > 1 else []
    )
    return start_gunicorn(
        port, WORKERS, env, *worker_class, ready_path=f"/api/v1/actions/{ACTION_ID}/"
    )


def main():
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "bench_actions_settings.py").write_text(SETTINGS)
        Path(folder, "bench_actions_urls.py").write_text(URLS)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench_actions_settings",
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "CONN_MAX_AGE": "600",
            "PYTHONPATH": os.pathsep.join([folder, str(ROOT)]),
        }
        os.environ.update(env)
        sys.path[:0] = [folder, str(ROOT)]
        recreate_database()
        flush_redis()
        import django

        django.setup()
        publish_actions()
        first, repeat = count_statements()
        print(
            f"SQL statements of a first submission: {' '.join(first)} "
            "(the task row only when no task is waiting to decide it); "
            f"of a repeat: {' '.join(repeat)}"
        )
        port = PORT or free_port()
        server = serve(env, port)
        try:
            latencies, statuses, emails, rounds = side_by_side(port)
            accepted = statuses.get(202, 0)
            workers = f"{WORKERS} gunicorn workers" + (
                f" x {THREADS} threads" if int(THREADS) > 1 else " (sync)"
            )
            print(
                f"{CLIENTS} client processes, {workers}, PostgreSQL, Redis, "
                f"{ROUNDS} rounds of {SECONDS / ROUNDS:.1f} s each side: "
                f"{accepted / SECONDS:.1f} accepted/s; statuses {statuses}"
            )
            print(
                f"latency ms: p50 {percentile(latencies, 0.5):.1f}, "
                f"p90 {percentile(latencies, 0.9):.1f}, p99 {percentile(latencies, 0.99):.1f}, "
                f"max {latencies[-1] * 1000:.1f}"
            )
            shares = [rate / max(ceiling, 1) for rate, ceiling in rounds]
            print(
                "per round, accepted/s against a bare view taking the same POST: "
                + ", ".join(f"{rate:.0f}/{ceiling:.0f}" for rate, ceiling in rounds)
            )
            print(
                f"share of the bare view per round: "
                f"{' '.join(f'{share:.2f}' for share in sorted(shares))}; "
                f"median {statistics.median(shares):.2f} (aim: at least 0.35)"
            )
            from caseblocks.models import Submission

            received = Submission.objects.filter(action_id=ACTION_ID).count()
            tokens, deciding = decide_received()
            print(
                f"deciding {received} received submissions in one task: "
                f"{received / max(deciding, 1e-9):.1f}/s"
            )
            elapsed, confirmations = confirm_all(port, tokens)
            print(
                f"{len(tokens)} confirmations from {CLIENTS} client processes: "
                f"{len(tokens) / max(elapsed, 1e-9):.1f} confirmed/s; "
                f"statuses {confirmations}"
            )
            agree = check(port, emails, received, tokens, confirmations.get(200, 0))
        finally:
            server.terminate()
            server.wait(timeout=30)
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
