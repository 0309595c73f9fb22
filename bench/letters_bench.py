"""Letters: a cached letter against a cached page detail, and a first letter.

    python -m bench.letters_bench

Builds the demo site in a database of its own (bench/results/letters.sqlite3,
made anew) and requests, through Django's whole stack in this process, the
English detail of Azimjan Askarov's case and the A4 letter of its appeal,
BENCH_ROUNDS turns of BENCH_REQUESTS each, alternating, after one request of
each filled the cache (Redis, BENCH_LETTERS_REDIS_URL, by default database 7 of
the local Redis, flushed first). Prints the median time of each and their
ratio: a cached letter should cost at most 1.5 times a cached detail.

Then times first letters: the cache emptied before each, BENCH_FIRST times for
the English letter and for the Traditional Chinese one (which reads the CJK
font), printing the median and the slowest against the one-second target.

Last, the first letter of a fresh process, BENCH_FIRST processes per language:
once as a worker starts through ``cms/wsgi.py`` (fonts read at start, before any
request), and once with nothing read before the request.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "results" / "letters.sqlite3"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
FIRST = int(os.environ.get("BENCH_FIRST", "5"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="bench.settings",
    DATABASE_URL=f"sqlite:///{DATABASE}",
    REDIS_URL=os.environ.get("BENCH_LETTERS_REDIS_URL", "redis://127.0.0.1:6379/7"),
)


def prepare():
    import django

    DATABASE.parent.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from cms.demo.build import build_demo

    call_command("migrate", verbosity=0)
    build_demo()
    cache.clear()


def askarov(language):
    from cms.models import CasePage

    return CasePage.objects.get(
        slug__startswith="azimjan-askarov", locale__language_code=language
    )


def letter_url(client, page):
    body = client.get(f"/api/v1/pages/{page.pk}/").json()["body"]
    appeal = next(block for block in body if block["type"] == "appeal_address")
    return appeal["value"]["letter"]["a4"]


def timed(client, url):
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def compare(client, detail, letter):
    timed(client, detail), timed(client, letter)  # both cached from here on
    times = {detail: [], letter: []}
    for _round in range(ROUNDS):
        for url in (detail, letter):
            times[url].extend(timed(client, url) for _n in range(REQUESTS))
    detail_ms = statistics.median(times[detail]) * 1000
    letter_ms = statistics.median(times[letter]) * 1000
    ratio = letter_ms / detail_ms
    print(f"cached detail  {detail_ms:7.2f} ms (median of {len(times[detail])})")
    print(f"cached letter  {letter_ms:7.2f} ms (median of {len(times[letter])})")
    print(
        f"letter/detail  {ratio:7.2f}  (target <= 1.5: {'ok' if ratio <= 1.5 else 'MISSED'})"
    )


def first_letters(client, name, url):
    from django.core.cache import cache

    times = []
    for _n in range(FIRST):
        cache.clear()
        times.append(timed(client, url))
    median, slowest = statistics.median(times), max(times)
    verdict = "ok" if median < 1 else "MISSED"
    print(
        f"first letter {name}: median {median:.2f} s, slowest {slowest:.2f} s "
        f"(target < 1 s: {verdict})"
    )


FRESH = """
import os, sys, time
import django
django.setup()
if sys.argv[2] == "warm":
    from caseblocks.letters.render import warm_fonts
    warm_fonts()
from django.test import Client
client = Client(SERVER_NAME="127.0.0.1")
start = time.perf_counter()
response = client.get(sys.argv[1])
assert response.status_code == 200, response.status_code
print(time.perf_counter() - start)
"""


def fresh_letters(name, url):
    from django.core.cache import cache

    for mode in ("warm", "cold"):
        times = []
        for _n in range(FIRST):
            cache.clear()
            done = subprocess.run(
                [sys.executable, "-c", FRESH, url, mode],
                cwd=ROOT,
                env=os.environ,
                capture_output=True,
                text=True,
                check=True,
            )
            times.append(float(done.stdout.strip().splitlines()[-1]))
        median, slowest = statistics.median(times), max(times)
        verdict = "ok" if median < 1 else "MISSED"
        print(
            f"first letter {name} of a fresh process, fonts {mode} at start: "
            f"median {median:.2f} s, slowest {slowest:.2f} s (target < 1 s: {verdict})"
        )


def main():
    prepare()
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    english, chinese = askarov("en"), askarov("zh-hant")
    detail = f"/api/v1/pages/{english.pk}/"
    compare(client, detail, letter_url(client, english))
    first_letters(client, "en", letter_url(client, english))
    first_letters(client, "zh-hant", letter_url(client, chinese))
    print(f"load average {os.getloadavg()[0]:.2f}")
    fresh_letters("en", letter_url(client, english))
    fresh_letters("zh-hant", letter_url(client, chinese))


if __name__ == "__main__":
    main()
