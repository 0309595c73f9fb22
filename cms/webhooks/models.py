from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.lifecycle import Change


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DEFERRED = "deferred", _("Failed, will be tried again")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed, given up")


WAITING = (DeliveryState.PENDING, DeliveryState.DEFERRED)

# The content event's kinds, as staff read them.
KIND_LABELS = {
    Change.PUBLISHED: _("Published"),
    Change.UNPUBLISHED: _("Unpublished"),
    Change.MOVED: _("Moved"),
    Change.DELETED: _("Deleted"),
    Change.RESTRICTED: _("Made private"),
    Change.UNRESTRICTED: _("Made public"),
    Change.SITE: _("Site changed"),
    Change.LOCALE: _("Language changed"),
    Change.SNIPPET: _("Shared content changed"),
}


class WebhookDelivery(models.Model):
    """One content event for one endpoint: the body sent and how sending went.

    The body is stored as sent, so every retry sends the same bytes; only the
    signature's time changes. ``last_error`` names the kind of failure and never
    quotes the receiver's answer.
    """

    event_id = models.UUIDField(_("event"), db_index=True)
    kind = models.CharField(
        _("change"),
        max_length=20,
        choices=[(str(k), v) for k, v in KIND_LABELS.items()],
    )
    page_ids = models.JSONField(_("pages"), default=list)
    endpoint = models.CharField(_("endpoint"), max_length=100)
    body = models.TextField(_("body"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=DeliveryState,
        default=DeliveryState.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    status_code = models.PositiveSmallIntegerField(
        _("last status code"), null=True, blank=True
    )
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.kind} → {self.endpoint}"
