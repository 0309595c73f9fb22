"""A mail backend for development: every message is kept in the outbox, none is sent."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    """``EMAIL_BACKEND = "cms.outbox.backend.EmailBackend"`` (``cms.settings.dev``).

    Keeps each message's addresses, subject and plain-text body in ``SentMail``,
    for the admin's outbox page and ``/dev/outbox/``. Nothing leaves the machine,
    whatever the addresses.
    """

    def send_messages(self, email_messages):
        from .models import SentMail

        rows = [
            SentMail(
                from_email=message.from_email or "",
                to=list(message.to),
                cc=list(message.cc),
                bcc=list(message.bcc),
                reply_to=list(message.reply_to),
                subject=message.subject,
                body=message.body,
            )
            for message in email_messages
        ]
        try:
            SentMail.objects.bulk_create(rows)
        except Exception:
            if not self.fail_silently:
                raise
            return 0
        return len(rows)
