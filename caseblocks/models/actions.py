"""Where each action form is placed, and how many supporters it has."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlacedAction(models.Model):
    """An action form on a published page: ``action_id`` → page.

    Rebuilt for a page each time it is published or unpublished (see
    ``caseblocks.subscribers``), so finding an action is one indexed query,
    not a scan of every page body. ``value`` is the block as it was published,
    taken from the live page at that moment: a draft never reaches it, and a
    request need not load and decode the whole page body. Every language version
    of a page has a row of its own with the same ``action_id``.

    ``campaign_open`` and ``campaign_closed_text`` copy, at the same moment, the
    page's ``campaign_is_open`` and ``campaign_closed_text`` attributes (pages
    without them are open): an action on a page whose campaign has ended is closed.
    """

    action_id = models.CharField(max_length=64, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    value = models.JSONField(
        default=dict,
        encoder=DjangoJSONEncoder,
        help_text=_("The block's value as published, in stored form."),
    )
    campaign_open = models.BooleanField(
        default=True, help_text=_("False once the page's campaign has ended.")
    )
    campaign_closed_text = models.TextField(
        blank=True, help_text=_("The page's text for an ended campaign.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action_id", "page"], name="caseblocks_unique_placement"
            )
        ]
        verbose_name = _("placed action")

    def __str__(self):
        return f"{self.action_id} on page {self.page_id}"


class ActionCounterQuerySet(models.QuerySet):
    def totals(self, action_id):
        """``{"supporters", "submissions", "expired"}`` of one action, over its shards.

        ``submissions`` counts confirmed ones, first or repeat.
        """
        totals = self.filter(action_id=action_id).aggregate(
            supporters=models.Sum("supporters"),
            submissions=models.Sum("submissions"),
            expired=models.Sum("expired"),
        )
        return {name: total or 0 for name, total in totals.items()}


class ActionCounter(models.Model):
    """Part of the running totals of one action: one of its ``SHARDS`` rows.

    Each submission adds itself to one shard, in the statement (and transaction)
    that stores it, so the sum over the shards is exact and never drifts from the
    rows; spreading the additions over several rows lets concurrent submissions
    commit without waiting for each other's lock. The totals survive the purge of
    old personal data.
    """

    SHARDS = 8

    action_id = models.CharField(max_length=64, db_index=True)
    shard = models.PositiveSmallIntegerField(default=0)
    supporters = models.PositiveIntegerField(default=0)
    submissions = models.PositiveIntegerField(default=0)
    # Submissions never confirmed, counted when they are purged with their data.
    expired = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionCounterQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action_id", "shard"], name="caseblocks_one_counter_shard"
            )
        ]
        verbose_name = _("action counter")

    def __str__(self):
        return f"{self.action_id}[{self.shard}]: {self.supporters}"
