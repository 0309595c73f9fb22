from django.core.management.base import BaseCommand

from caseblocks.actions.delivery import deliver, due_messages
from caseblocks.models import DeliveryState
from caseblocks.tasks import process_received_submissions


class Command(BaseCommand):
    help = (
        "Decide the submissions received but left undecided, then send the messages "
        "to targets that are queued or deferred and due: those whose task was lost "
        "or whose mail server was down. Run it from cron."
    )

    def handle(self, *args, **options):
        decided = process_received_submissions.call()
        self.stdout.write(f"Received submissions decided: {len(decided)}.")
        states = dict.fromkeys(DeliveryState.values, 0)
        for message_id in due_messages():
            message = deliver(message_id)
            if message is not None:
                states[message.state] += 1
        summary = ", ".join(f"{count} {state}" for state, count in states.items())
        self.stdout.write(f"Pending messages tried: {summary}.")
