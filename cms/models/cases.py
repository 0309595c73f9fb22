from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import CaseStreamBlock

from .mixins import (
    IndexPageMixin,
    LocalisedReferencesMixin,
    SummaryMixin,
    TeaserMixin,
)
from .publishing import CasebookPageMixin


class CaseIndexPage(
    CasebookPageMixin,
    IndexPageMixin,
    TeaserMixin,
    Page,
):
    subpage_types = ["cms.CasePage"]

    class Meta:
        verbose_name = _("cases section")
        verbose_name_plural = _("cases sections")


class CaseStatus(models.TextChoices):
    AT_RISK = "at_risk", _("At risk")
    FACING_DEPORTATION = "facing_deportation", _("Facing deportation")
    DETAINED = "detained", _("Detained")
    ON_TRIAL = "on_trial", _("On trial")
    IMPRISONED = "imprisoned", _("Imprisoned")
    RELEASED_RESTRICTED = "released_restricted", _("Released with restrictions")
    RELEASED = "released", _("Released")


class CampaignState(models.TextChoices):
    ACTIVE = "active", _("Active")
    CONCLUDED = "concluded", _("Concluded")
    WON = "won", _("Won")


class CaseTag(TaggedItemBase):
    """Tags such as 'journalist' or 'human rights defender'."""

    content_object = ParentalKey(
        "cms.CasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CasePage(
    CasebookPageMixin,
    LocalisedReferencesMixin,
    SummaryMixin,
    TeaserMixin,
    Page,
):
    """A person at risk or in prison, and the campaign for them."""

    teaser_summary = "summary"
    teaser_image = "photo"
    teaser_countries = "country"
    teaser_status = "status"
    teaser_tags = "tags"
    teaser_campaigns = "campaigns"

    person_name = models.CharField(
        _("person's name"), max_length=255, help_text=_("As the person writes it.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.ForeignKey(
        "cms.CountryPage",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    status = models.CharField(_("status"), max_length=32, choices=CaseStatus.choices)
    detained_on = models.DateField(_("detained on"), null=True, blank=True)
    sentenced_on = models.DateField(_("sentenced on"), null=True, blank=True)
    released_on = models.DateField(_("released on"), null=True, blank=True)
    sentence = models.CharField(
        _("sentence"),
        max_length=255,
        blank=True,
        help_text=_("For example '20 years' or 'Life'."),
    )
    charges = StreamField(
        [("charge", blocks.CharBlock(max_length=255, label=_("Charge")))],
        blank=True,
        verbose_name=_("charges"),
        help_text=_("Each charge the person faces, in the words of the indictment."),
    )
    tags = ClusterTaggableManager(
        through=CaseTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("For example 'journalist' or 'human rights defender'."),
    )
    campaign_state = models.CharField(
        _("campaign status"),
        max_length=16,
        choices=CampaignState.choices,
        default=CampaignState.ACTIVE,
    )
    campaign_closed_text = models.TextField(
        _("text shown when the campaign has ended"),
        blank=True,
        help_text=_("For example 'This campaign is concluded.'"),
    )
    partners = ParentalManyToManyField(
        "cms.PartnerOrganisation",
        blank=True,
        related_name="cases",
        verbose_name=_("partner organisations"),
    )
    campaigns = ParentalManyToManyField(
        "cms.CampaignPage",
        blank=True,
        related_name="cases",
        verbose_name=_("campaigns"),
        help_text=_("The campaigns this case is part of."),
    )
    body = StreamField(CaseStreamBlock(), blank=True, verbose_name=_("body"))

    localised_references = ["country", "campaigns"]
    same_locale_references = ["country"]
    parent_page_types = ["cms.CaseIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldPanel("photo"),
                FieldPanel("country"),
                FieldPanel("status"),
                FieldPanel("tags"),
            ],
            heading=_("Person"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("detained_on"),
                        FieldPanel("sentenced_on"),
                        FieldPanel("released_on"),
                    ]
                ),
                FieldPanel("sentence"),
                FieldPanel("charges"),
            ],
            heading=_("Legal case"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("campaigns"),
                FieldPanel("campaign_state"),
                FieldPanel("campaign_closed_text"),
                FieldPanel("partners"),
            ],
            heading=_("Campaign"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("person_name", boost=2),
        index.AutocompleteField("person_name"),
        index.SearchField("summary"),
        index.SearchField("charges"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("campaign_state"),
        index.FilterField("country"),
        index.FilterField("campaigns"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("person_name"),
        APIField("photo"),
        APIField("country"),
        APIField("status"),
        APIField("detained_on"),
        APIField("sentenced_on"),
        APIField("released_on"),
        APIField("sentence"),
        APIField("charges"),
        APIField("tags"),
        APIField("campaign_state"),
        APIField("campaign_closed_text"),
        APIField("partners"),
        APIField("summary"),
        APIField("body"),
    ]
    # Translation (read by cms.translation): synchronised fields stay as in the
    # source page in every language; translated fields go to translators.
    synchronised_fields = [
        "person_name",
        "photo",
        "country",
        "status",
        "detained_on",
        "sentenced_on",
        "released_on",
        "tags",
        "tagged_items",
        "campaign_state",
        "partners",
        "campaigns",
    ]
    translated_fields = [
        "summary",
        "sentence",
        "charges",
        "campaign_closed_text",
        "body",
    ]

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    @property
    def campaign_is_open(self):
        """False once the campaign has ended: its action forms close (caseblocks)."""
        return self.campaign_state == CampaignState.ACTIVE

    def clean(self):
        super().clean()
        errors = {}
        detained, sentenced, released = (
            self.detained_on,
            self.sentenced_on,
            self.released_on,
        )
        if detained and sentenced and sentenced < detained:
            errors["sentenced_on"] = _("The sentence cannot come before the detention.")
        if released and (detained and released < detained):
            errors["released_on"] = _("The release cannot come before the detention.")
        elif released and sentenced and released < sentenced:
            errors["released_on"] = _("The release cannot come before the sentence.")
        if (
            self.campaign_state != CampaignState.ACTIVE
            and not self.campaign_closed_text
        ):
            errors["campaign_closed_text"] = _(
                "Say what readers see now that the campaign has ended."
            )
        if errors:
            raise ValidationError(errors)
