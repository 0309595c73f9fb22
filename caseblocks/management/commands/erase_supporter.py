from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import timezone

from caseblocks.actions.identity import email_fingerprint
from caseblocks.models import Submission


class Command(BaseCommand):
    help = (
        "Erase one supporter's personal data from every action: their submissions "
        "and the messages sent in their name (any spelling of the address)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"'{email}' is not an e-mail address.") from error
        fingerprint = email_fingerprint(email)
        count = Submission.objects.filter(fingerprint=fingerprint).anonymise(
            timezone.now()
        )
        self.stdout.write(f"Erased the data of {count} submissions.")
