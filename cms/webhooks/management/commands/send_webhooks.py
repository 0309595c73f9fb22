from django.core.management.base import BaseCommand

from cms.webhooks.sending import deliver, due_deliveries


class Command(BaseCommand):
    help = (
        "Send every webhook delivery that is due: the first attempt of those no "
        "task sent, and the retries whose wait is over. Run it from cron, each minute."
    )

    def handle(self, *args, **options):
        sent = [deliver(pk) for pk in due_deliveries()]
        delivered = sum(1 for d in sent if d is not None and d.state == "delivered")
        self.stdout.write(
            f"Webhook deliveries tried: {len(sent)}, delivered: {delivered}."
        )
