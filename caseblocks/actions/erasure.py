"""Erasing one supporter: every submission of their mailbox, in any spelling."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from caseblocks.models import Submission

from .identity import email_fingerprint, has_control_characters

ERASE_ACTION = "caseblocks.erase_supporter"


def check_spelling(address):
    """Refuse what names no mailbox; any spelling of one is accepted.

    Looser than ``clean_address`` on purpose: erasure is the supporter's right,
    so a fullwidth, quoted or Unicode-domain spelling still finds the mailbox
    (``normalise_email`` folds it).
    """
    local, at, domain = address.strip().rpartition("@")
    if not (at and local and domain) or has_control_characters(address):
        raise ValidationError(_("Enter an e-mail address."), code="invalid")
    return address.strip()


def submissions_of(address):
    return Submission.objects.filter(fingerprint=email_fingerprint(address))


def erase_supporter(address, user=None, now=None):
    """Strip the personal data of every submission of ``address``; return how many.

    Their messages not yet sent are withdrawn, and the fingerprint goes too (of
    submissions purged earlier as well), so nothing ties the rows to the
    address any more. Each erased submission gets an audit log entry naming
    only the submission (``action_id #pk``) and who erased it.
    """
    now = now or timezone.now()
    submissions = submissions_of(check_spelling(address))
    with transaction.atomic():
        erased = list(submissions.with_personal_data())
        count = submissions.anonymise(now)
        submissions.update(fingerprint=None)
        for submission in erased:
            log(instance=submission, action=ERASE_ACTION, user=user)
    return count
