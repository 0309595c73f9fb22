"""The hit rate of the warm API while an editor publishes, tags against one generation.

    python -m bench.publishing

Serves the bench database (``bench/__main__.py`` seeds it) with two warm servers,
each on a Redis database of its own: one renews only the tags a change touches,
the other renews every entry on every change (``CASEBOOK_API["RENEW_EVERY_TAG"]``,
the old generation scheme). In BENCH_ROUNDS turns (default 3) of BENCH_SECONDS
seconds each (default 8 per server), 4 loopback clients read case details, case
listings and countries from one server while an editor's process publishes one of
the cases they read every BENCH_PUBLISH_EVERY seconds (default 0.5), announced to
that server's cache only. Each answer says whether the cache served it
(``bench.settings``: a header only the benchmark adds); the hit rate is the share
of answers served from the cache. Requests per second come beside it.
"""

import os
import random
import subprocess
import sys
import time

from bench.__main__ import ENV, prepare, urls
from bench.load import run
from bench.server import start_gunicorn

SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
EVERY = float(os.environ.get("BENCH_PUBLISH_EVERY", "0.5"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
PORT = int(os.environ.get("BENCH_PUBLISHING_PORT", "8781"))
# Redis databases of their own: the generation server's renewals retire nothing
# of the other's.
SERVERS = {
    "tags": {"port": PORT, "redis": "redis://127.0.0.1:6379/4", "every": ""},
    "one generation": {
        "port": PORT + 1,
        "redis": "redis://127.0.0.1:6379/5",
        "every": "1",
    },
}


def environment(server):
    return {
        **ENV,
        # bench/__main__.py, imported by the editor's process, reads this one.
        "BENCH_REDIS_URL": server["redis"],
        "REDIS_URL": server["redis"],
        "BENCH_CACHE": "shared",
        "BENCH_RENEW_EVERY_TAG": server["every"],
        "BENCH_SERVED_HEADER": "1",
    }


def read_paths(ids):
    paths = urls(ids)
    return [
        *paths["detail"],
        *paths["listing"],
        "/api/v1/pages/?type=case&limit=20&offset=20",
        "/api/v1/pages/?type=case&country=KZ",
        "/api/v1/countries/",
        "/api/v1/countries/KZ/",
    ]


def publish(ids, every):
    """The editor: publishes one of ``ids`` every ``every`` seconds until killed."""
    import django

    django.setup()
    from cms.models import CasePage

    rng = random.Random(7)
    CasePage.objects.filter(pk__in=ids).count()  # connected: the load may start
    print("ready", flush=True)
    while True:
        started = time.perf_counter()
        page = CasePage.objects.get(pk=rng.choice(ids))
        page.summary = f"Updated {time.time():.3f}"
        page.save_revision().publish()
        time.sleep(max(0.0, every - (time.perf_counter() - started)))


def editor(server, ids):
    """The editor's process, started once it is ready to publish."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.publishing", "publish", ",".join(map(str, ids))],
        env=environment(server),
        stdout=subprocess.PIPE,
        text=True,
    )
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise SystemExit("the editor's process did not start")
    return process


def published():
    from wagtail.models import Revision

    return Revision.objects.count()


def flush(server):
    import redis

    redis.Redis.from_url(server["redis"]).flushdb()


def main():
    ids = prepare()[:50]
    paths = read_paths(ids)
    processes = {}
    for name, server in SERVERS.items():
        flush(server)
        processes[name] = start_gunicorn(server["port"], WORKERS, environment(server))
    results = {name: [] for name in SERVERS}
    try:
        for server in SERVERS.values():
            run(server["port"], paths, seconds=1)  # every path cached once
        for turn in range(ROUNDS):
            order = list(SERVERS) if turn % 2 == 0 else list(reversed(SERVERS))
            for name in order:
                server = SERVERS[name]
                run(server["port"], paths, seconds=1)  # warm again after the last turn
                before = published()
                publisher = editor(server, ids)
                try:
                    result = run(server["port"], paths, seconds=SECONDS)
                finally:
                    publisher.terminate()
                    publisher.wait()
                results[name].append({**result, "publishes": published() - before})
    finally:
        for process in processes.values():
            process.terminate()
            process.wait()
    report(results, len(paths))


def report(results, paths):
    print(
        f"\nHit rate while a case is published every {EVERY:g}s: {paths} URLs "
        f"(50 case details, listings, countries), gunicorn -w {WORKERS}, "
        f"{ROUNDS} turns of {SECONDS:g}s per server"
    )
    print(
        f"{'server':<16}{'hit rate':>10}{'req/s':>9}{'p50 ms':>9}"
        f"{'publishes':>11}{'errors':>8}"
    )
    for name, parts in results.items():
        answers = sum(part["answers"] for part in parts)
        hits = sum(part["hits"] for part in parts)
        rps = sum(part["rps"] for part in parts) / len(parts)
        p50 = sorted(part["p50"] for part in parts)[len(parts) // 2]
        errors = sum(part["errors"] for part in parts)
        publishes = sum(part["publishes"] for part in parts)
        rate = hits / answers if answers else 0.0
        print(
            f"{name:<16}{rate:>10.1%}{rps:>9.0f}{p50:>9.2f}{publishes:>11}{errors:>8}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["publish"]:
        publish([int(pk) for pk in sys.argv[2].split(",")], EVERY)
    else:
        main()
