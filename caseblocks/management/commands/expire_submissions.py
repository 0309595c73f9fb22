from django.core.management.base import BaseCommand
from django.utils import timezone

from caseblocks.actions.store import purge_expired


class Command(BaseCommand):
    help = (
        "Delete, with their personal data, the submissions whose confirmation link "
        "expired unused (CASEBOOK_ACTIONS['CONFIRMATION_HOURS']); each action keeps "
        "how many expired. Run it from cron, hourly."
    )

    def handle(self, *args, **options):
        count = purge_expired(timezone.now())
        self.stdout.write(f"Expired unconfirmed submissions purged: {count}.")
