"""Print recall at 5 and MRR of the judged queries, per backend and language."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search.conf import uses_elasticsearch
from search.relevance.evaluate import CUTOFF, measure, recorded
from search.relevance.queries import JUDGED


def backends():
    """The backends to measure: the embedded default, Wagtail's stock search, ES."""
    from search.backends.database import DatabaseBackend, StockDatabaseBackend

    found = {"embedded": DatabaseBackend(), "wagtail": StockDatabaseBackend()}
    if uses_elasticsearch():
        from search.backends.elasticsearch.query import ElasticsearchBackend

        found["elasticsearch"] = ElasticsearchBackend()
    return found


class Command(BaseCommand):
    help = (
        "Measure search over the demo content (manage.py load_demo): recall at 5 "
        "and mean reciprocal rank of the judged queries in search/relevance."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            action="append",
            help="embedded, wagtail or elasticsearch (default: all available).",
        )
        parser.add_argument("--language", action="append", help="For example 'it'.")
        parser.add_argument(
            "--misses", action="store_true", help="Name the queries not fully found."
        )

    def handle(self, *args, backend, language, misses, **options):
        available = backends()
        chosen = backend or list(available)
        unknown = set(chosen) - set(available)
        if unknown:
            raise CommandError(
                f"Unknown or unavailable backend: {', '.join(sorted(unknown))}. "
                f"Available: {', '.join(available)}."
            )
        languages = language or list(JUDGED)
        if set(languages) - set(JUDGED):
            raise CommandError(f"Judged languages: {', '.join(JUDGED)}.")
        vendor = connection.vendor
        self.stdout.write(
            f"{'backend':<14}{'database':<12}{'language':<10}{'queries':>8}"
            f"{f'recall@{CUTOFF}':>11}{'MRR':>8}{'recorded':>16}"
        )
        for name in chosen:
            for code in languages:
                figures = measure(available[name], code)
                floor = recorded(code) if name == "embedded" else None
                shown = f"{floor[0]:.3f} / {floor[1]:.3f}" if floor else "-"
                database = vendor if name != "elasticsearch" else "-"
                self.stdout.write(
                    f"{name:<14}{database:<12}{code:<10}{figures.queries:>8}"
                    f"{figures.recall:>11.3f}{figures.mrr:>8.3f}{shown:>16}"
                )
                if misses and figures.misses:
                    self.stdout.write(
                        f"    not fully found: {', '.join(figures.misses)}"
                    )
