"""Search indexing: our documents against Wagtail's own Elasticsearch backend.

    python -m bench.search_bench

1. Builds documents and the bulk request body (NDJSON) for BENCH_SEARCH_PAGES
   pages (default 10,000) spread over the four locales, with the search plugin
   and with modelsearch's ``Elasticsearch8Mapping.get_document`` (what Wagtail's
   Elasticsearch backend sends), in the same run, on the same in-memory pages.
2. Publishes a stored case page with the plugin's indexing on and off, in
   BENCH_ROUNDS rounds (default 7) of BENCH_PUBLISHES publishes each way (default
   40), in pairs of one publish on and one off, and prints per round the median
   of the pairs' ratios (on / off), then the median and spread of those: a slow
   moment on a shared machine spoils a pair, not the answer. "On" runs the whole path (signal,
   on-commit, enqueue, and inline also the task: re-read, document, client
   request) against an in-process node that answers at once, so the ratio is the
   plugin's own cost, not network time. The headline queues tasks in the
   database (django_tasks_db, as in production, where a worker indexes after the
   publish has answered); the second runs them inline (ImmediateBackend, as in
   development).

    python -m bench.search_bench publish     # only part 2; "documents": only part 1

3. The embedded database search against Wagtail's stock database search: indexing
   cost per page, queries per second and p95 (bench/search_database.py; only this
   part: ``python -m bench.search_bench database``).

Uses its own SQLite database, bench/results/search_bench.sqlite3.
"""

import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "results" / "search_bench.sqlite3"
PAGES = int(os.environ.get("BENCH_SEARCH_PAGES", "10000"))
PUBLISHES = int(os.environ.get("BENCH_PUBLISHES", "40"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
WARMUP = 5
LOCALES = ["en", "it", "ru", "zh-hant"]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DATABASE}")


def body(n):
    """A case body of a dozen blocks, like the seed content."""
    words = "The trial lasted a day and the verdict was read in minutes. "
    return [
        ("heading", {"text": f"What happened {n}", "level": "h2"}),
        ("rich_text", "<p>" + words * 8 + "</p>"),
        (
            "quote",
            {
                "text": "Your letters kept me going. " * 4,
                "speaker": "Erkin Musaev",
                "speaker_role": "Former prisoner",
                "date": None,
                "source": "Letter",
                "source_url": "",
            },
        ),
        ("rich_text", "<p>" + "Supporters wrote letters. " * 15 + "</p>"),
        (
            "key_facts",
            {
                "heading": "At a glance",
                "facts": [
                    {"label": "Sentence", "value": "Life imprisonment"},
                    {"label": "Held in", "value": "Prison No. 47"},
                ],
            },
        ),
        ("heading", {"text": "Timeline", "level": "h2"}),
        ("rich_text", "<p>" + words * 4 + "</p>"),
    ]


def memory_pages(count):
    """Unsaved pages with ids, paths and relations held in memory: no queries."""
    from cms.models import CasePage, CountryPage, NewsPage

    pages = []
    for n in range(count):
        code = LOCALES[n % len(LOCALES)]
        country = CountryPage(
            id=900_000 + n % 4,
            title="Kyrgyzstan",
            iso_code="KG",
            region="europe_central_asia",
            summary="Central Asia.",
        )
        common = {
            "id": n + 1,
            "title": f"Page {n}",
            "slug": f"page-{n}",
            "url_path": f"/home-{code}/section/page-{n}/",
            "live": True,
            "summary": "A human rights defender serving a life sentence.",
        }
        kind = n % 10
        if kind < 7:
            page = CasePage(
                **common,
                person_name="Azimjan Askarov",
                status="imprisoned",
                country=country,
                charges=[("charge", "Creating mass disorder")],
                body=body(n),
            )
            page.tags.add("journalist", "human rights defender")
        elif kind < 9:
            page = NewsPage(**common, author="Khadija Ismayilova", body=body(n))
            page.countries = [country]
        else:
            page = CountryPage(
                **common, iso_code="KG", region="europe_central_asia", body=body(n)
            )
        pages.append((code, page))
    return pages


def ours(pages, dumps):
    from elasticsearch.helpers import expand_action

    from search.backends.elasticsearch.indexing import index_actions

    chunks = []
    for code, page in pages:
        for action in index_actions([page], code, f"cms-pages-{code}"):
            meta, source = expand_action(action)
            chunks.append(dumps(meta))
            chunks.append(dumps(source))
    return b"\n".join(chunks)


def modelsearch(pages, dumps):
    from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping

    mappings, chunks = {}, []
    for code, page in pages:
        model = type(page)
        mapping = mappings.get(model) or mappings.setdefault(
            model, Elasticsearch8Mapping(model)
        )
        meta = {
            "index": {
                "_index": f"wagtail__{code}",
                "_id": mapping.get_document_id(page),
            }
        }
        chunks.append(dumps(meta))
        chunks.append(dumps(mapping.get_document(page)))
    return b"\n".join(chunks)


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def serialisation():
    from elasticsearch.serializer import JsonSerializer

    dumps = JsonSerializer().dumps
    pages = memory_pages(PAGES)
    ours(pages[:50], dumps), modelsearch(pages[:50], dumps)  # warm caches
    # Alternate the two, best of five each, so that load on the machine hits both alike.
    ours_times, theirs_times = [], []
    for _ in range(5):
        ours_times.append(timed(ours, pages, dumps))
        theirs_times.append(timed(modelsearch, pages, dumps))
    return PAGES / min(ours_times), PAGES / min(theirs_times)


class NullNode:
    """Made lazily: an elastic_transport node answering every request with success."""

    @staticmethod
    def make():
        from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
        from elastic_transport._node import NodeApiResponse

        class Node(BaseNode):
            _CLIENT_META_HTTP_CLIENT = ("null", "1.0")
            requests = []

            def perform_request(self, method, target, body=None, headers=None, **kw):
                Node.requests.append((method, target))
                headers = HttpHeaders(
                    {
                        "X-Elastic-Product": "Elasticsearch",
                        "content-type": "application/json",
                    }
                )
                meta = ApiResponseMeta(200, "1.1", headers, 0.0, self.config)
                payload = (
                    b""
                    if method == "HEAD"
                    else (
                        b'{"_index":"x","_id":"1","result":"updated","acknowledged":true}'
                    )
                )
                return NodeApiResponse(meta, payload)

        return Node


IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE_QUEUE = "django_tasks_db.DatabaseBackend"


def bench_page():
    """The stored case page that is published, with no history from earlier runs.

    Old revisions and queued tasks are removed, untimed, so that every round starts
    alike: a publish scans the page's revisions, so a page published thousands of
    times would be slower (and every ratio smaller) run after run.
    """
    from django_tasks_db.models import DBTaskResult

    from wagtail.models import Page, Revision

    from cms.models import CaseIndexPage, CasePage, HomePage

    page = CasePage.objects.filter(slug="search-bench").first()
    if page is None:
        home = HomePage.objects.first()
        section = CaseIndexPage.objects.first() or home.add_child(
            instance=CaseIndexPage(title="Cases", slug="cases")
        )
        page = section.add_child(
            instance=CasePage(
                title="Free Azimjan Askarov",
                slug="search-bench",
                person_name="Azimjan Askarov",
                status="imprisoned",
                summary="A human rights defender.",
                body=body(0),
            )
        )
        page.save_revision().publish()
    keep = [page.latest_revision_id, page.live_revision_id]
    Revision.objects.for_instance(page).exclude(pk__in=keep).delete()
    DBTaskResult.objects.all().delete()
    return Page.objects.get(pk=page.pk).specific


def timed_publish(page):
    """One publish as the editor makes it, on-commit work included; GC held off."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        page.save_revision().publish()
        return time.perf_counter() - start
    finally:
        gc.enable()


def set_autosync(on):
    from search import conf

    # Flip the cached setting rather than override SEARCH again: that would drop
    # the client and what it learnt, which a running site keeps.
    conf.get_setting("AUTOSYNC")
    conf._cache["AUTOSYNC"] = on


def queries_added(page):
    """SQL statements a publish runs with indexing on, minus with it off."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for on in (False, True):
        set_autosync(on)
        with CaptureQueriesContext(connection) as queries:
            page.save_revision().publish()
        counts[on] = len(queries)
    return counts[True] - counts[False]


def publishing(task_backend):
    """Per round, the ``(on, off)`` times of each pair of publishes, in seconds.

    Publishes go in pairs, on then off, then off then on, so that neither side is
    always the first after a garbage collection, a cache expiry or a busy moment,
    and the two of a pair meet the machine in the same state.
    """
    from django.test.utils import override_settings

    node = NullNode.make()
    search = {"URL": "http://bench-es:9200", "CONNECTION": {"node_class": node}}
    tasks = {"default": {"BACKEND": task_backend}}
    rounds = []
    with override_settings(SEARCH={**search, "AUTOSYNC": True}, TASKS=tasks):
        page = bench_page()
        for _ in range(WARMUP):
            page.save_revision().publish()
        added = queries_added(page)
        for _ in range(ROUNDS):
            page = bench_page()
            node.requests.clear()
            pairs = []
            for n in range(PUBLISHES):
                timings = {}
                for on in (True, False) if n % 2 == 0 else (False, True):
                    set_autosync(on)
                    timings[on] = timed_publish(page)
                pairs.append((timings[True], timings[False]))
            if task_backend == IMMEDIATE:
                writes = [
                    t
                    for m, t in node.requests
                    if m == "PUT" and f"/_doc/{page.pk}" in t
                ]
                # Proof that "on" indexed every publish and "off" none.
                assert len(writes) == PUBLISHES, (len(writes), PUBLISHES)
            rounds.append(pairs)
    return rounds, added


def report_publishing(label, backend):
    rounds, added = publishing(backend)
    # A round's slowdown is the median of its pairs' ratios: a slow moment (a disk
    # flush held up by another process) spoils one pair, not the round.
    ratios = sorted(statistics.median(on / off for on, off in r) for r in rounds)
    pairs = [pair for r in rounds for pair in r]
    on = statistics.median(on for on, _ in pairs) * 1000
    off = statistics.median(off for _, off in pairs) * 1000
    extra = statistics.median(on - off for on, off in pairs) * 1000
    print(f"  publish, {label}:", flush=True)
    print(f"    {ROUNDS} rounds of {PUBLISHES} pairs of publishes, one on, one off")
    print(f"    SQL statements added by indexing : {added}")
    print(f"    median publish, indexing on  : {on:8.2f} ms")
    print(f"    median publish, indexing off : {off:8.2f} ms")
    print(f"    added per publish (median)   : {extra:8.2f} ms")
    print(f"    slowdown on / off, per round : {' '.join(f'{r:.3f}' for r in ratios)}")
    print(
        f"    slowdown, median of rounds   : {statistics.median(ratios):.3f}x"
        f" (spread {ratios[0]:.3f}-{ratios[-1]:.3f})",
        flush=True,
    )


def main(argv):
    import django

    parts = set(argv) or {"documents", "publish", "database"}
    if not parts <= {"documents", "publish", "database"}:
        print("usage: python -m bench.search_bench [documents] [publish] [database]")
        return 2
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if "documents" in parts:
        print(
            f"Search indexing benchmark ({PAGES:,} pages over {', '.join(LOCALES)})",
            flush=True,
        )
        ours_rate, theirs_rate = serialisation()
        print(f"  documents + bulk body, search plugin : {ours_rate:10,.0f} pages/s")
        print(f"  documents + bulk body, modelsearch   : {theirs_rate:10,.0f} pages/s")
        print(
            f"  ratio (plugin / modelsearch)         : {ours_rate / theirs_rate:10.2f}x"
        )
    if "publish" in parts:
        print("Publishing with the search plugin's indexing on and off", flush=True)
        # The headline: production queues tasks in the database and a worker indexes.
        report_publishing(
            "tasks queued (django_tasks_db, as in production)", DATABASE_QUEUE
        )
        report_publishing(
            "tasks run inline (ImmediateBackend, as in development)", IMMEDIATE
        )
    if "database" in parts:
        from .search_database import run

        run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
