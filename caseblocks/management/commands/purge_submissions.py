from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from caseblocks.actions.store import purge_expired
from caseblocks.conf import get_setting
from caseblocks.models import Submission


class Command(BaseCommand):
    help = (
        "Remove supporters' personal data older than CASEBOOK_ACTIONS['RETENTION_DAYS'], "
        "and the unconfirmed submissions whose link expired. Counts, dates and "
        "delivery states are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        cutoff = now - timedelta(days=get_setting("RETENTION_DAYS"))
        old = Submission.objects.with_personal_data().filter(created_at__lt=cutoff)
        if dry_run:
            count = old.count()
            self.stdout.write(
                f"Would purge {count} submissions from before {cutoff:%Y-%m-%d}."
            )
            return
        # The fingerprint stays: a supporter who comes back is not counted twice.
        count = old.anonymise(now, keep_fingerprint=True)
        self.stdout.write(f"Purged {count} submissions from before {cutoff:%Y-%m-%d}.")
        expired = purge_expired(now)
        self.stdout.write(f"Expired unconfirmed submissions purged: {expired}.")
