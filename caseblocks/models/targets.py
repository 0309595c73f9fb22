"""The people and offices that supporters' messages go to: managed records."""

from django_countries.fields import CountryField

from django.db import models
from django.utils.translation import gettext_lazy as _

TARGET_PERMISSION = "caseblocks.change_actiontarget"


class ActionTarget(models.Model):
    """A recipient of supporters' messages, chosen in the action form block.

    Whoever a target's address is, supporters' names, addresses and messages go
    to it: so only staff given "Can change action targets" may create, change or
    delete one (``caseblocks.permissions``), and every change is in the audit
    log with the record as it was before and after (``caseblocks.views.targets``).
    Editors and translators only choose among the records.
    """

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Person or office, as addressed.")
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    country = CountryField(_("country"), blank=True)

    class Meta:
        default_permissions = ()
        permissions = [("change_actiontarget", _("Can change action targets"))]
        ordering = ["name", "pk"]
        verbose_name = _("action target")
        verbose_name_plural = _("action targets")

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget_every_placement()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget_every_placement()
        return result

    def audit_data(self):
        """The record as the audit log keeps it: every field, plain values."""
        return {
            "name": self.name,
            "position": self.position,
            "email": self.email,
            "country": str(self.country or ""),
        }

    def as_recipient(self):
        """What delivery and the API read of a target."""
        return {"id": self.pk, **self.audit_data()}


def forget_every_placement():
    # A cached placement holds its targets' addresses: a changed record must be
    # read afresh by the next submission, whichever action uses it.
    from caseblocks.actions.placement import forget_placements
    from caseblocks.models import PlacedAction

    forget_placements(PlacedAction.objects.values_list("action_id", flat=True))
