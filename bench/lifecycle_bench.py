"""Publishing with every content subscriber on, against publishing with none.

    python -m bench.lifecycle_bench

Publishes one stored case page (a dozen blocks) in BENCH_ROUNDS rounds (default
7) of BENCH_PUBLISHES pairs (default 40): in each pair one publish with the
content lifecycle's receivers connected, so every subscriber hears it (the API
cache's tags renewed in Redis, search's task queued in the database, action
placements, letters, translation sync, webhooks), and one with the receivers
disconnected, so nothing is announced at all. Pairs alternate which goes first.
A round's figure is the median of its pairs' ratios; the headline is the median
of the rounds. The target: at most 1.10.

Tasks queue in the database (django_tasks_db, as in production) and the cache is
Redis (BENCH_LIFECYCLE_REDIS_URL, default database 8), on the search bench's
SQLite database, or BENCH_LIFECYCLE_DATABASE_URL.
"""

import os
import statistics
import sys

from bench.search_bench import DATABASE, PUBLISHES, ROUNDS, WARMUP

REDIS_URL = os.environ.get("BENCH_LIFECYCLE_REDIS_URL", "redis://127.0.0.1:6379/8")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault(
    "DATABASE_URL",
    os.environ.get("BENCH_LIFECYCLE_DATABASE_URL", f"sqlite:///{DATABASE}"),
)
os.environ["REDIS_URL"] = REDIS_URL


def publishing():
    from django.test.utils import override_settings

    from bench.search_bench import DATABASE_QUEUE, NullNode, bench_page, timed_publish
    from cms.lifecycle.receivers import connect_receivers, disconnect_receivers

    node = NullNode.make()
    search = {
        "URL": "http://bench-es:9200",
        "CONNECTION": {"node_class": node},
        "AUTOSYNC": True,
    }
    tasks = {"default": {"BACKEND": DATABASE_QUEUE}}
    rounds = []
    with override_settings(SEARCH=search, TASKS=tasks):
        page = bench_page()
        for _ in range(WARMUP):
            page.save_revision().publish()
        for _ in range(ROUNDS):
            page = bench_page()
            pairs = []
            for n in range(PUBLISHES):
                timings = {}
                for on in (True, False) if n % 2 == 0 else (False, True):
                    (connect_receivers if on else disconnect_receivers)()
                    timings[on] = timed_publish(page)
                pairs.append((timings[True], timings[False]))
            rounds.append(pairs)
        connect_receivers()
    return rounds


def proof():
    """The "on" side really reaches the subscribers: a publish renews the page's tag."""
    from bench.search_bench import bench_page
    from cms.api import tags
    from cms.lifecycle.receivers import connect_receivers

    connect_receivers()
    page = bench_page()
    tag = tags.page_tag(page.pk)
    tags.store({"bench-probe": ("old", {tag})}, tags.mark())
    page.save_revision().publish()
    return tags.lookup(["bench-probe"])[0] == {}


def main():
    import django

    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    print("Publishing with every content subscriber on, and with none", flush=True)
    print(f"  a publish renews the page's cache tag when on: {proof()}")
    rounds = publishing()
    ratios = sorted(statistics.median(on / off for on, off in r) for r in rounds)
    pairs = [pair for r in rounds for pair in r]
    on = statistics.median(on for on, _ in pairs) * 1000
    off = statistics.median(off for _, off in pairs) * 1000
    print(f"  {ROUNDS} rounds of {PUBLISHES} pairs, tasks in the database, Redis cache")
    print(f"  median publish, every subscriber : {on:8.2f} ms")
    print(f"  median publish, none             : {off:8.2f} ms")
    print(
        f"  per round (on / none)            : {' '.join(f'{r:.3f}' for r in ratios)}"
    )
    print(
        f"  median of rounds                 : {statistics.median(ratios):.3f}x"
        f" (target: at most 1.10)",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
