"""``make bench``: our API against Wagtail API v2 and a bare Django view, in one run.

Seeds BENCH_CASES case pages (default 1,000) into bench/results/bench.sqlite3 (or
BENCH_DATABASE_URL), serves it with gunicorn (same workers and CONN_MAX_AGE for
every server), and loads each endpoint from loopback for BENCH_SECONDS, split
into BENCH_ROUNDS turns. "Cold" runs on a server whose Django cache is a
DummyCache, so nothing is reused; "warm" on one whose workers share a Redis cache
(BENCH_REDIS_URL, default database 9 of the local Redis, flushed at the start),
after every URL was requested once.
"""

import os
import urllib.request
from pathlib import Path

from bench.load import run
from bench.server import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASE = RESULTS / "bench.sqlite3"
CASES = int(os.environ.get("BENCH_CASES", "1000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# The warm server listens on BENCH_PORT, the cold one on the port after it.
WARM_PORT = int(os.environ.get("BENCH_PORT", "8771"))
COLD_PORT = WARM_PORT + 1
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DATABASE}"),
    "CONN_MAX_AGE": "600",
    "WAGTAILAPI_BASE_URL": "http://127.0.0.1",
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
}
os.environ.update(ENV)


def prepare():
    import django

    django.setup()
    from django.core.management import call_command

    from cms.models import CasePage

    call_command("migrate", verbosity=0)
    if CasePage.objects.count() < CASES:
        from bench.seed import seed

        print(f"Seeding {CASES} case pages…", flush=True)
        seed(CASES)
    return list(CasePage.objects.order_by("pk").values_list("pk", flat=True)[:100])


def query_counts(ids):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(SERVER_NAME="127.0.0.1"), {}
    # The ceiling returns the bytes of one of our detail responses.
    ceiling = client.get(f"/api/v1/pages/{ids[0]}/").content
    (RESULTS / "ceiling.json").write_bytes(ceiling)
    for name, url in urls(ids).items():
        client.get(url[0])  # renditions made, caches of Wagtail warmed
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(url[0])
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as warm:
            client.get(url[0])
        counts[name] = (len(cold), len(warm))
    return counts


def urls(ids):
    sample = ids[:50]
    return {
        "listing": ["/api/v1/pages/?type=case&limit=20"],
        "listing v2": ["/api/v2/pages/?type=cms.CasePage&fields=*&limit=20"],
        "detail": [f"/api/v1/pages/{pk}/" for pk in sample],
        "detail v2": [f"/api/v2/pages/{pk}/" for pk in sample],
        # The first cases are named by every news post: include= has a full list.
        "include": [f"/api/v1/pages/{pk}/?include=news" for pk in sample[:12]],
        "no include": [f"/api/v1/pages/{pk}/" for pk in sample[:12]],
        "ceiling": ["/bench/ceiling/"],
    }


def serve(port, cache):
    return start_gunicorn(port, WORKERS, {**ENV, "BENCH_CACHE": cache})


def main():
    RESULTS.mkdir(parents=True, exist_ok=True)
    ids = prepare()
    counts = query_counts(ids)
    from django.core.cache import cache

    cache.clear()  # the warm server starts from an empty Redis database

    servers = {"warm": serve(WARM_PORT, "shared"), "cold": serve(COLD_PORT, "dummy")}
    plan = {}
    for name, paths in urls(ids).items():
        for mode, port in (("cold", COLD_PORT), ("warm", WARM_PORT)):
            if mode == "warm" and name not in {"listing", "detail"}:
                continue
            if mode == "warm" and name in {"include", "no include"}:
                continue
            row = f"{name} ({mode})" if name in {"listing", "detail"} else name
            plan[row] = (port, paths, counts[name][1 if mode == "warm" else 0])
    results = {row: [] for row in plan}
    try:
        for port, paths, _queries in plan.values():
            prime(port, paths)
        # Rows take turns, ROUNDS times, so that a change in the machine's load
        # (other processes) falls on every row alike.
        for _ in range(ROUNDS):
            for row, (port, paths, _queries) in plan.items():
                results[row].append(run(port, paths, seconds=SECONDS / ROUNDS))
    finally:
        for process in servers.values():
            process.terminate()
            process.wait()
    report({row: (merge(results[row]), plan[row][2]) for row in plan})


def prime(port, paths):
    """Request every path once: renditions made, and the warm server's cache filled."""
    for path in paths:
        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).read()
    run(port, paths, seconds=1)  # connections and Wagtail's own caches


def merge(parts):
    """One row from its rounds: requests per second over the whole time."""
    return {
        "rps": sum(part["rps"] for part in parts) / len(parts),
        "p50": sorted(part["p50"] for part in parts)[len(parts) // 2],
        "p95": max(part["p95"] for part in parts),
        "errors": sum(part["errors"] for part in parts),
    }


def report(rows):
    ceiling = rows["ceiling"][0]["rps"]
    v2 = {
        "listing": rows["listing v2"][0]["rps"],
        "detail": rows["detail v2"][0]["rps"],
    }
    print(
        f"\n{CASES} case pages, gunicorn -w {WORKERS} (sync), CONN_MAX_AGE=600, "
        f"{SECONDS:g}s per row in {ROUNDS} rounds, 4 loopback clients, "
        "warm: Redis cache shared by the workers"
    )
    include = rows["include"][0]["rps"]
    without = rows["no include"][0]["rps"]
    print(
        f"cold detail with include=news takes {without / include:.2f}x the time of "
        "the same details without it (target: at most 1.50x)"
    )
    for name in ("listing (warm)", "detail (warm)"):
        print(
            f"{name}: {rows[name][0]['rps'] / ceiling:.2f} of the bare view "
            "(target: at least 0.60)"
        )
    print(
        f"{'endpoint':<18}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'SQL':>6}"
        f"{'/ v2':>8}{'/ ceiling':>11}{'errors':>8}"
    )
    for name, (result, queries) in rows.items():
        kind = name.split()[0]
        versus_v2 = (
            f"{result['rps'] / v2[kind]:.2f}x"
            if kind in v2 and "v2" not in name
            else ""
        )
        print(
            f"{name:<18}{result['rps']:>9.0f}{result['p50']:>9.2f}{result['p95']:>9.2f}"
            f"{queries:>6}{versus_v2:>8}{result['rps'] / ceiling:>10.2f}x{result['errors']:>8}"
        )


if __name__ == "__main__":
    main()
