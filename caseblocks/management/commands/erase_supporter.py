from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from caseblocks.actions.erasure import erase_supporter


class Command(BaseCommand):
    help = (
        "Erase one supporter's personal data from every action: their submissions "
        "and the messages sent in their name (any spelling of the address)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            count = erase_supporter(email)
        except ValidationError as error:
            raise CommandError("That is not an e-mail address.") from error
        self.stdout.write(f"Erased the data of {count} submissions.")
