"""Messages to targets, one per target per first submission, and their state."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    DEFERRED = "deferred", _("Deferred")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


DeliveryState.PENDING = (DeliveryState.QUEUED, DeliveryState.DEFERRED)


class OutgoingMessage(models.Model):
    """An e-mail to one target, kept until it is sent.

    The row is the queue: a lost task or a mail server that is down leaves it
    queued or deferred, and ``manage.py send_pending_messages`` sends it later.
    """

    submission = models.ForeignKey(
        "caseblocks.Submission", on_delete=models.CASCADE, related_name="messages"
    )
    action_id = models.CharField(max_length=64, db_index=True)
    target_name = models.CharField(max_length=255)
    target_email = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    reply_to = models.CharField(max_length=320)
    from_email = models.CharField(max_length=320)
    language = models.CharField(max_length=16)
    state = models.CharField(
        max_length=16, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "next_attempt_at"]),
            models.Index(fields=["target_email", "sent_at"]),
        ]
        verbose_name = _("outgoing message")

    def __str__(self):
        return f"{self.target_email} ({self.state})"
