from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PartnerOrganisation(index.Indexed, models.Model):
    """An organisation a campaign is run with. Names stay as the partner writes them."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    url = models.URLField(blank=True, verbose_name=_("website"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


def partner_pages(partner):
    """Ids of the pages that name ``partner`` (a many-to-many the reference index skips)."""
    return partner.cases.values_list("pk", flat=True)
