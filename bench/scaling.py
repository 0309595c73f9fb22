"""Throughput and p99 at 1x, 4x and 16x the worker count, on PostgreSQL with gunicorn.

    python -m bench.scaling

Makes a PostgreSQL database of its own (BENCH_SCALING_DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/casebook_bench_scaling, dropped and made
anew), seeds BENCH_CASES case pages (default 300) and one open e-mail action,
and serves it with gunicorn (BENCH_WORKERS sync workers, by default 2 x cores +
1) and a Redis cache shared by the workers (BENCH_SCALING_REDIS_URL, by default
database 12 of the local Redis, flushed at the start).

wrk (Debian's package: `make bench` installs it) then loads each endpoint with
1x, 4x and 16x as many open connections as there are workers, for BENCH_SECONDS
each: a bare view (the stack's ceiling, in the same run), the page listing and
page details (warm: every URL was requested once), and supporters' submissions
to the action. It prints requests per second, the median and the 99th
percentile latency, and errors: refused, reset or timed-out connections and
answers other than 2xx. Finally it checks that the stored submissions, the
counter, the public count and the queued messages agree.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.server import start_gunicorn
from bench.submissions_bench import (
    ACTION_ID,
    TARGETS,
    decide_received,
    free_port,
    publish_action,
    recreate_database,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASE_URL = os.environ.get(
    "BENCH_SCALING_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/casebook_bench_scaling",
)
REDIS_URL = os.environ.get("BENCH_SCALING_REDIS_URL", "redis://127.0.0.1:6379/12")
CASES = int(os.environ.get("BENCH_CASES", "300"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
MULTIPLES = (1, 4, 16)
POOL = 100_000  # supporters' addresses drawn at random: a few repeat

# Each wrk thread walks its own copy of PATHS; submissions draw an address.
LUA = """
local paths = {%(paths)s}
local counter = 0
local method = "%(method)s"
local headers = {["Content-Type"] = "application/json"}

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", %(salt)d + threads)
end

function init(args)
  math.randomseed(seed)
  counter = seed
end

function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if method == "POST" then
    local body = string.format(
      '{"name": "Bench Supporter", "email": "supporter%%d@example.org", '
      .. '"country": "IT", "consent": true}', math.random(1, %(pool)d))
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path)
end
"""


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_ACTIONS": "1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CONN_MAX_AGE": "600",
        "WAGTAILAPI_BASE_URL": "http://127.0.0.1",
    }


def prepare():
    """Seed pages and one action; return the URLs each endpoint is loaded with."""
    import django

    django.setup()
    import redis

    from django.core.management import call_command
    from django.test import Client

    from bench.seed import seed
    from cms.models import CaseIndexPage, CasePage

    redis.Redis.from_url(REDIS_URL).flushdb()
    call_command("migrate", verbosity=0)
    print(f"Seeding {CASES} case pages…", flush=True)
    seed(CASES)
    publish_action(CaseIndexPage.objects.get(), ACTION_ID)
    ids = list(CasePage.objects.order_by("pk").values_list("pk", flat=True)[:50])
    client = Client(SERVER_NAME="127.0.0.1")
    RESULTS.mkdir(parents=True, exist_ok=True)
    # The ceiling returns the bytes of one of our detail responses.
    (RESULTS / "ceiling.json").write_bytes(
        client.get(f"/api/v1/pages/{ids[0]}/").content
    )
    return {
        "bare view": ("GET", ["/bench/ceiling/"]),
        "listing": ("GET", ["/api/v1/pages/?type=case&limit=20"]),
        "detail": ("GET", [f"/api/v1/pages/{pk}/" for pk in ids]),
        "submission": ("POST", [f"/api/v1/actions/{ACTION_ID}/submissions"]),
    }


def serve(port):
    return start_gunicorn(port, WORKERS, environment(), "--backlog", "2048")


def prime(port, paths):
    for path in paths:
        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).read()


def wrk(port, method, paths, connections, folder, seconds=SECONDS):
    script = Path(folder, "load.lua")
    script.write_text(
        LUA
        % {
            "paths": ", ".join(json.dumps(path) for path in paths),
            "method": method,
            "pool": POOL,
            # Each run draws its own addresses, not the last run's again.
            "salt": connections * 1000 + len(paths) + int(time.time()) % 100_000 * 10,
        }
    )
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "30s",
            "--latency",
            "--script",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse(output)


def parse(output):
    """Requests per second, p50 and p99 in ms, completed requests and errors."""

    def milliseconds(label):
        found = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = found.groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    not_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds("50%"),
        "p99": milliseconds("99%"),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": sum(map(int, socket.groups())) if socket else 0,
        "not_2xx": int(not_2xx.group(1)) if not_2xx else 0,
    }


def check(port, accepted, in_flight):
    """Stored rows, counter, public count and queued messages agree."""
    from django.utils import timezone

    from caseblocks.actions.confirmation import confirm
    from caseblocks.models import ActionCounter, OutgoingMessage, Submission

    # Every received submission is decided and its link confirmed, as the task
    # and the supporters would, before the figures are compared.
    tokens, _seconds = decide_received()
    for token in tokens:
        confirm(token, timezone.now())
    totals = ActionCounter.objects.totals(ACTION_ID)
    with urllib.request.urlopen(
        f"http://127.0.0.1:{port}/api/v1/actions/{ACTION_ID}/"
    ) as response:
        public = json.load(response)["supporters"]
    rows = Submission.objects.filter(action_id=ACTION_ID)
    firsts = rows.filter(is_first=True).count()
    queued = OutgoingMessage.objects.filter(action_id=ACTION_ID, state="queued")
    facts = [
        # wrk counts the answers it read; a request in flight when it stopped may
        # be stored without being counted, at most one per open connection.
        (
            "stored submissions - accepted answers, within the connections open at the end",
            0 <= rows.count() - accepted <= in_flight,
            f"{rows.count()} - {accepted} <= {in_flight}",
        ),
        (
            "stored submissions = counter's submissions",
            rows.count() == totals["submissions"],
            f"{rows.count()} = {totals['submissions']}",
        ),
        (
            "first submissions = counter's supporters = public count",
            firsts == totals["supporters"] == public,
            f"{firsts} = {totals['supporters']} = {public}",
        ),
        (
            "first submissions x targets = queued messages",
            firsts * TARGETS == queued.count(),
            f"{firsts * TARGETS} = {queued.count()}",
        ),
    ]
    for label, holds, figures in facts:
        print(f"  {'ok  ' if holds else 'FAIL'} {label}: {figures}")
    return all(holds for _label, holds, _figures in facts)


def main():
    recreate_database(DATABASE_URL)
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    plan = prepare()
    port = free_port()
    server = serve(port)
    rows, accepted, in_flight = [], 0, 0
    try:
        for method, paths in plan.values():
            if method == "GET":
                prime(port, paths)
        with tempfile.TemporaryDirectory() as folder:
            # A first pass over the reads, not reported: every worker warmed.
            for method, paths in plan.values():
                if method == "GET":
                    wrk(port, method, paths, WORKERS, folder, seconds=2)
            for multiple in MULTIPLES:
                connections = WORKERS * multiple
                ceiling = None
                for name, (method, paths) in plan.items():
                    result = wrk(port, method, paths, connections, folder)
                    ceiling = ceiling or result["rps"]
                    rows.append((name, connections, result, result["rps"] / ceiling))
                    if name == "submission":
                        accepted += result["requests"] - result["not_2xx"]
                        in_flight += connections
        report(rows)
        time.sleep(1)  # requests still in flight when wrk stopped are answered
        agree = check(port, accepted, in_flight)
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = sum(result["errors"] + result["not_2xx"] for _n, _c, result, _r in rows)
    print(f"errors in all runs: {errors}")
    sys.exit(0 if agree and errors == 0 else 1)


def report(rows):
    print(
        f"\n{CASES} case pages, gunicorn -w {WORKERS} (sync), PostgreSQL, Redis "
        f"cache, wrk {SECONDS} s per row; ceiling = the bare view at the same "
        "number of connections"
    )
    print(
        f"{'endpoint':<12}{'clients':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'/ ceiling':>11}{'errors':>8}"
    )
    for name, connections, result, ratio in rows:
        print(
            f"{name:<12}{connections:>8}{result['rps']:>9.0f}{result['p50']:>9.1f}"
            f"{result['p99']:>9.1f}{ratio:>10.2f}x"
            f"{result['errors'] + result['not_2xx']:>8}"
        )


if __name__ == "__main__":
    main()
