"""Rebuild, check and catch up the page indexes: Elasticsearch's, or the embedded one."""

from django.core.management.base import BaseCommand, CommandError

from search.conf import uses_elasticsearch
from search.documents import index_alias


class Progress:
    """A plain text progress bar on the command's stderr, redrawn in place."""

    def __init__(self, stream, label, width=30):
        self.stream, self.label, self.width = stream, label, width

    def __call__(self, done, total, final=False):
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        ending = "\n" if final else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}", ending=ending)
        self.stream.flush()


class Command(BaseCommand):
    help = "Rebuild the search indexes, report drift, or retry failed indexing."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--rebuild", action="store_true", help="Build new indexes and swap them in."
        )
        action.add_argument(
            "--check",
            action="store_true",
            help="Compare page counts in the database and the index.",
        )
        action.add_argument(
            "--retry-failed",
            action="store_true",
            help="Sync the pages whose indexing failed.",
        )
        parser.add_argument("--locale", help="Only this locale, for example 'it'.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be done; write nothing.",
        )

    def handle(self, *args, rebuild, check, retry_failed, locale, dry_run, **options):
        codes = self.locales(locale)
        if rebuild and uses_elasticsearch():
            self.rebuild(codes, dry_run)
        elif rebuild:
            self.rebuild_database(codes, dry_run)
        elif check:
            self.check_drift(codes)
        else:
            self.retry_failed(dry_run)

    def locales(self, only):
        from search.pages import locale_codes

        codes = locale_codes()
        if only is None:
            return codes
        if only.lower() not in codes:
            raise CommandError(f"Unknown locale '{only}'. Known: {', '.join(codes)}.")
        return [only.lower()]

    def rebuild(self, codes, dry_run):
        from search.backends.elasticsearch.client import get_client
        from search.backends.elasticsearch.rebuild import Rebuilder, RebuildFailed
        from search.pages import visible_ids

        for code in codes:
            alias = index_alias(code)
            if dry_run:
                self.stdout.write(
                    f"Would create {alias}-<timestamp>, load {len(visible_ids(code))} "
                    f"pages, catch up, point {alias} at it and delete the old index."
                )
                continue
            rebuilder = Rebuilder(get_client(), code, Progress(self.stderr, code))
            try:
                result = rebuilder.run()
            except RebuildFailed as failure:
                self.stderr.write("")  # end the progress bar's line
                raise CommandError(str(failure)) from failure
            replaced = ", ".join(result.replaced) or "nothing"
            self.stdout.write(
                f"{alias} → {result.index}: {result.loaded} pages loaded, "
                f"{result.caught_up} caught up, {result.removed} removed; "
                f"replaced {replaced}."
            )

    def rebuild_database(self, codes, dry_run):
        from search.backends.database.indexing import rebuild
        from search.pages import visible_ids

        for code in codes:
            if dry_run:
                self.stdout.write(
                    f"Would replace the embedded index of {code} with "
                    f"{len(visible_ids(code))} pages, in one transaction."
                )
                continue
            result = rebuild(code, Progress(self.stderr, code))
            self.stdout.write(
                f"embedded index {code}: {result.loaded} pages loaded, "
                f"{result.caught_up} caught up, {result.removed} removed."
            )

    def indexed_count(self, code):
        """``(where, count)`` of a locale's pages in the index; count None if missing."""
        if not uses_elasticsearch():
            from search.models import PageText

            return f"embedded index {code}", PageText.objects.filter(
                language=code
            ).count()
        from elasticsearch import NotFoundError

        from search.backends.elasticsearch.client import get_client

        alias = index_alias(code)
        try:
            return alias, get_client().count(index=alias)["count"]
        except NotFoundError:
            return alias, None

    def check_drift(self, codes):
        from search.models import IndexingFailure
        from search.pages import visible_ids

        drift = []
        for code in codes:
            expected = len(visible_ids(code))
            alias, indexed = self.indexed_count(code)
            state = "ok" if indexed == expected else "DRIFT"
            if state != "ok":
                drift.append(code)
            shown = "missing" if indexed is None else indexed
            self.stdout.write(f"{alias}: database {expected}, index {shown} ({state})")
        failures = IndexingFailure.objects.count()
        if failures:
            self.stdout.write(
                f"{failures} indexing failure(s) waiting: use --retry-failed."
            )
        if drift:
            raise CommandError(
                f"Index out of step for: {', '.join(drift)}. Use --rebuild."
            )

    def retry_failed(self, dry_run):
        from search.models import IndexingFailure
        from search.tasks import TASKS_BY_ACTION

        failures = list(IndexingFailure.objects.order_by("pk"))
        for failure in failures:
            args = (failure.app_label, failure.model_name, failure.object_id)
            if dry_run:
                self.stdout.write(f"Would retry {failure.action} of {'.'.join(args)}")
                continue
            outcome = TASKS_BY_ACTION[failure.action].call(*args, catch_up=False)
            self.stdout.write(f"{failure.action} {'.'.join(args)}: {outcome}")
        left = IndexingFailure.objects.count()
        if not dry_run and left:
            raise CommandError(f"{left} page(s) still failing.")
