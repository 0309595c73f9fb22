"""Campaigns: a named effort (Write for Rights 2014, a Worldwide Appeal) that
gathers cases and news posts.

A campaign is a page, so it is translated, published and made visible like any
other. Cases and news posts choose their campaigns (``campaigns`` on each); a
case may be in several.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import CaseStreamBlock

from .cases import CampaignState
from .mixins import IndexPageMixin, SummaryMixin, TeaserMixin
from .publishing import CasebookPageMixin


class CampaignIndexPage(
    CasebookPageMixin,
    IndexPageMixin,
    TeaserMixin,
    Page,
):
    subpage_types = ["cms.CampaignPage", "cms.GeneralPage"]

    class Meta:
        verbose_name = _("campaigns section")
        verbose_name_plural = _("campaigns sections")


class CampaignPage(
    CasebookPageMixin,
    SummaryMixin,
    TeaserMixin,
    Page,
):
    """A campaign: its name is the page title."""

    teaser_summary = "summary"
    teaser_image = "image"

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=CampaignState.choices,
        default=CampaignState.ACTIVE,
    )
    body = StreamField(CaseStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["cms.CampaignIndexPage"]
    subpage_types = ["cms.GeneralPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("state"),
            ],
            heading=_("Dates and state"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("state"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("image"),
        APIField("starts_on"),
        APIField("ends_on"),
        APIField("state"),
        APIField("body"),
    ]
    # Translation (read by cms.translation): the dates, state and image are facts.
    synchronised_fields = ["image", "starts_on", "ends_on", "state"]
    translated_fields = ["summary", "body"]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    @property
    def campaign_is_open(self):
        """False once the campaign has ended: its action forms close (caseblocks)."""
        return self.state == CampaignState.ACTIVE

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end cannot come before the start.")}
            )


def pages_showing(campaign):
    """Ids of the pages whose public representation shows ``campaign``.

    A case's or news post's teaser names its campaigns, so whatever keeps a copy
    of those teasers (the API caches, the front-end cache) must forget these
    pages when the campaign is published, unpublished, moved or renamed. The
    links hold whichever language version of the campaign the page chose, so
    every page linked to any of its translations counts.
    """
    translations = CampaignPage.objects.filter(
        translation_key=campaign.translation_key
    ).values("pk")
    ids = set()
    for model in campaign_holders():
        ids.update(
            model.objects.filter(campaigns__in=translations).values_list(
                "pk", flat=True
            )
        )
    return ids


def campaign_holders():
    """The page models that choose campaigns (a ``campaigns`` field)."""
    return [
        relation.related_model
        for relation in CampaignPage._meta.related_objects
        if relation.many_to_many and relation.field.name == "campaigns"
    ]
