"""The embedded default against Wagtail's stock database search, in the same run.

    python -m bench.search_bench database

Makes BENCH_DB_PAGES case pages (default 1,000) spread over the four locales,
with bodies of sentences in each page's language, inside a transaction that is
rolled back at the end, so the database is left as it was. Then:

1. indexes every page both ways, alternating which goes first: the embedded
   index's write (``store.write(page_row(page))``) and the stock backend's
   ``add(page)``, from the same in-memory page; then, for a sample, the whole
   task (``sync_page``: re-read the stored page, check it is live and public,
   write). Prints the medians per page and the ratios to the stock ``add``.
2. runs BENCH_DB_QUERIES queries per locale (default 25 rounds of its words)
   through ``DatabaseBackend.search`` and through the same answer with the
   stock ranking (filters, facets and results are the same code): queries per
   second and p95 latency, both in the same run.

Runs on the database that DATABASE_URL names (SQLite file of the benchmark by
default).
"""

import os
import random
import statistics
import time

PAGES = int(os.environ.get("BENCH_DB_PAGES", "1000"))
ROUNDS = int(os.environ.get("BENCH_DB_QUERIES", "25"))
SYNC_SAMPLE = int(os.environ.get("BENCH_DB_SYNC_SAMPLE", "100"))
LOCALES = ["en", "it", "ru", "zh-hant"]

SENTENCES = {
    "en": [
        "He was arrested while documenting clashes between communities.",
        "Officers beat him for three days to make him confess.",
        "The court sentenced the journalist to life imprisonment.",
        "Supporters wrote letters to the prison every week.",
        "His health is poor and he gets no proper medical care.",
        "Confessions extracted under torture still send people to prison.",
        "The human rights defender rejects every charge against him.",
        "Workers who ask for fair pay risk prosecution on invented charges.",
    ],
    "it": [
        "È stato arrestato mentre documentava gli scontri.",
        "Un tribunale lo ha condannato a cinque anni di carcere.",
        "I difensori dei diritti umani ritengono l'accusa inventata.",
        "Chi organizza proteste per salari più alti finisce sotto processo.",
        "In carcere le pressioni sono continuate e la pena è stata allungata.",
        "I sostenitori hanno scritto lettere al presidente.",
        "La sua salute è fragile e non riceve cure adeguate.",
        "Il giornalista è stato torturato dalla polizia.",
    ],
    "ru": [
        "Его арестовали, когда он документировал столкновения.",
        "Суды почти никогда не спрашивают, как было получено признание.",
        "Спецслужбы применяют пытки, чтобы добиться признания.",
        "Журналиста приговорили к пожизненному заключению.",
        "Сторонники каждую неделю писали письма в тюрьму.",
        "Его здоровье плохое, и он не получает нужной помощи.",
        "Правозащитник отвергает все обвинения.",
        "Критики власти получают долгие сроки после несправедливых судов.",
    ],
    "zh-hant": [
        "他在記錄族群衝突時被捕。",
        "警方連續三天重打他,逼他承認罪名。",
        "法院判處這名記者終身監禁。",
        "支持者每週寫信到監獄。",
        "他健康不佳,也未得到應有的醫療。",
        "我們視他為良心犯,他只因人權工作被關押。",
        "這位人權捍衛者否認所有指控。",
        "要求公平工資的工人面臨捏造的指控。",
    ],
}
QUERIES = {
    "en": ["journalist", "tortured", "prison letters", "human rights defender"],
    "it": ["tribunale", "torturati", "diritti umani", "carcere"],
    "ru": ["суд", "пытки", "тюрьма", "признание"],
    "zh-hant": ["良心犯", "人權", "終身監禁", "監獄"],
}


def make_pages(count):
    from wagtail.models import Locale, Page

    from cms.models import CaseIndexPage, CasePage, CaseStatus, HomePage

    rng = random.Random(16)
    root = Page.get_first_root_node()
    pages = []
    for i, code in enumerate(LOCALES):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        home = root.add_child(
            instance=HomePage(
                title=f"Bench {code}", slug=f"bench-{code}-{i}", locale=locale
            )
        )
        index = home.add_child(
            instance=CaseIndexPage(title="Cases", slug="cases", locale=locale)
        )
        for n in range(count // len(LOCALES)):
            sentences = SENTENCES[code]
            paragraphs = [
                " ".join(rng.sample(sentences, 4)) + f" Case{n}{code}."
                for _ in range(4)
            ]
            body = [("rich_text", f"<p>{text}</p>") for text in paragraphs]
            page = CasePage(
                title=f"Case {n} {code}",
                slug=f"case-{n}",
                locale=locale,
                person_name=f"Person{n} Bench",
                status=CaseStatus.IMPRISONED,
                summary=rng.choice(sentences),
                body=body,
            )
            pages.append(index.add_child(instance=page))
    return pages


def indexing(pages):
    """Median seconds per page: embedded write, stock add, whole embedded task."""
    from wagtail.search.backends import get_search_backend

    from search.backends.database import indexing as embedded
    from search.backends.database import store

    stock = get_search_backend()
    ours, theirs = [], []
    for n, page in enumerate(pages):
        steps = [("ours", lambda p=page: store.write([embedded.page_row(p)]))]
        steps.append(("stock", lambda p=page: stock.add(p)))
        if n % 2:
            steps.reverse()
        for name, step in steps:
            started = time.perf_counter()
            step()
            (ours if name == "ours" else theirs).append(time.perf_counter() - started)
    synced = []
    for page in pages[:SYNC_SAMPLE]:
        started = time.perf_counter()
        embedded.sync_page("cms", "casepage", page.pk)
        synced.append(time.perf_counter() - started)
    return statistics.median(ours), statistics.median(theirs), statistics.median(synced)


def searching(backend):
    """``(queries per second, p95 seconds)`` over every locale's queries."""
    from search.query import SearchQuery

    latencies = []
    queries = [(q, code) for code in LOCALES for q in QUERIES[code]]
    backend.search(SearchQuery(q="warm up", locale="en").clean())
    for _ in range(ROUNDS):
        for q, code in queries:
            query = SearchQuery(q=q, locale=code).clean()
            started = time.perf_counter()
            backend.search(query)
            latencies.append(time.perf_counter() - started)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    return len(latencies) / sum(latencies), p95


class Rollback(Exception):
    pass


def run():
    from django.db import connection, transaction

    from search.backends.database import DatabaseBackend, StockDatabaseBackend

    print(
        f"Database search ({connection.vendor}): the embedded default against "
        f"Wagtail's stock database search, {PAGES:,} case pages over "
        f"{', '.join(LOCALES)}",
        flush=True,
    )
    try:
        with transaction.atomic():
            pages = make_pages(PAGES)
            ours, theirs, synced = indexing(pages)
            print(f"  index a page, embedded write        : {ours * 1000:8.2f} ms")
            print(f"  index a page, stock add              : {theirs * 1000:8.2f} ms")
            print(f"  ratio (embedded / stock)             : {ours / theirs:8.2f}x")
            print(
                f"  whole task, re-read + write (sample) : {synced * 1000:8.2f} ms"
                f" ({synced / theirs:.2f}x the stock add)"
            )
            for label, backend in [
                ("embedded", DatabaseBackend()),
                ("stock   ", StockDatabaseBackend()),
            ]:
                qps, p95 = searching(backend)
                print(
                    f"  search, {label}                     : {qps:8.1f} q/s,"
                    f" p95 {p95 * 1000:7.2f} ms",
                    flush=True,
                )
            raise Rollback
    except Rollback:
        pass
