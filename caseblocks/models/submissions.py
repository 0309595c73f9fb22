"""What a supporter sent: the least needed to deliver it and to prove consent."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionState(models.TextChoices):
    """Where a submission stands; only a confirmed one counts or sends anything.

    The submission route stores every valid request as ``received`` (or
    ``dropped``, for a robot or an address over its limit) and answers the same
    either way; the task that follows decides the rest, out of sight of whoever
    posted it.
    """

    RECEIVED = "received", _("Received")
    DROPPED = "dropped", _("Dropped")
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")


class SubmissionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=SubmissionState.CONFIRMED)

    def with_personal_data(self):
        return self.filter(anonymised_at__isnull=True)

    def anonymise(self, now, *, keep_fingerprint=False):
        """Strip the personal data of these submissions and of their messages.

        Rows stay so the totals, the chart per day and the delivery report still
        add up; the counts live in ``ActionCounter`` anyway. With
        ``keep_fingerprint`` the keyed hash stays, so a supporter who comes back
        is still known as a repeat and not counted twice; without it (erasure)
        nothing ties the rows to the address any more.
        """
        from .messages import DeliveryState, OutgoingMessage

        ids = list(self.with_personal_data().values_list("pk", flat=True))
        OutgoingMessage.objects.filter(
            submission__in=ids, state__in=DeliveryState.PENDING
        ).update(state=DeliveryState.FAILED, last_error="Withdrawn: data erased.")
        OutgoingMessage.objects.filter(submission__in=ids).update(body="", reply_to="")
        forget = {} if keep_fingerprint else {"fingerprint": None}
        # A pending submission loses its link too: nobody can confirm it now.
        return Submission.objects.filter(pk__in=ids).update(
            name="", email="", message="", token_hash="", anonymised_at=now, **forget
        )


class Submission(models.Model):
    """One supporter taking part in one action.

    A supporter is known by ``fingerprint``, a keyed hash of the normalised
    e-mail address. Their first confirmed submission has ``rank`` 1 and
    ``is_first`` set; confirmed repeats are kept with a higher rank and are not
    counted. Until it is confirmed a submission has ``is_first`` unset and
    counts for nothing. The client address is never stored.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    action_id = models.CharField(max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page version the supporter used."),
    )
    language = models.CharField(max_length=16)
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    country = models.CharField(max_length=2)
    message = models.TextField(blank=True)
    consent_text = models.TextField(help_text=_("The consent wording shown."))
    consented_at = models.DateTimeField()
    newsletter = models.BooleanField(
        default=False,
        help_text=_("Asked for; it takes effect only once confirmed."),
    )
    state = models.CharField(
        max_length=16,
        choices=SubmissionState.choices,
        default=SubmissionState.RECEIVED,
    )
    # SHA-256 of the confirmation link's token: the token itself is only mailed.
    token_hash = models.CharField(max_length=64, blank=True)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Unconfirmed until then, then purged.")
    )
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the supporter confirmed: their consents count from then."),
    )
    # NULL once erased: the one-first-submission constraint then ignores it.
    fingerprint = models.CharField(max_length=64, null=True)  # noqa: DJ001
    is_first = models.BooleanField(default=True)
    rank = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(db_index=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        constraints = [
            # One first submission per supporter and action: the database, not the
            # view, decides under concurrent requests who was first.
            models.UniqueConstraint(
                fields=["action_id", "fingerprint"],
                condition=models.Q(is_first=True),
                name="caseblocks_one_first_submission",
            )
        ]
        # Each index is one more write on every submission received. Identifiers
        # and token hashes are only ever looked up whole (no LIKE), and only
        # submissions waiting for their link have a token hash.
        indexes = [
            models.Index(fields=["fingerprint"]),
            models.Index(fields=["action_id"], name="caseblocks_submission_action"),
            models.Index(
                fields=["token_hash"],
                condition=~models.Q(token_hash=""),
                name="caseblocks_submission_token",
            ),
        ]
        default_permissions = ()
        permissions = [
            ("view_submission", _("Can view supporters' submissions and export them")),
            ("view_report", _("Can view action reports (counts, days, deliveries)")),
            ("erase_supporter", _("Can erase a supporter's personal data")),
        ]
        verbose_name = _("submission")

    def __str__(self):
        return f"{self.action_id} #{self.pk}"
