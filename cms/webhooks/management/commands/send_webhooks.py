from django.core.management.base import BaseCommand

from cms.webhooks.models import DeliveryState
from cms.webhooks.sending import deliver, due_deliveries, prune_finished


class Command(BaseCommand):
    help = (
        "Send every webhook delivery that is due: the first attempt of those no "
        "task sent, and the retries whose wait is over. Then delete the finished "
        "deliveries older than CASEBOOK_WEBHOOKS['KEEP_DAYS'] (30). Run it from "
        "cron, each minute."
    )

    def handle(self, *args, **options):
        tried = [deliver(pk) for pk in due_deliveries()]
        delivered = [d for d in tried if d and d.state == DeliveryState.DELIVERED]
        pruned = prune_finished()
        self.stdout.write(
            f"Webhook deliveries tried: {len(tried)}, delivered: {len(delivered)}, "
            f"old ones deleted: {pruned}."
        )
