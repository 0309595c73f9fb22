from modelcluster.fields import ParentalManyToManyField

from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import NewsStreamBlock

from .mixins import (
    IndexPageMixin,
    LocalisedReferencesMixin,
    SummaryMixin,
    TeaserMixin,
)
from .publishing import CasebookPageMixin


def language_choices():
    """Every language Django knows, named in the language of the request.

    ``global_settings.LANGUAGES`` holds the English names only marked for
    translation (gettext_noop); Django's own catalogues translate them here.
    """
    return [(code, gettext(name)) for code, name in global_settings.LANGUAGES]


class NewsIndexPage(
    CasebookPageMixin,
    IndexPageMixin,
    TeaserMixin,
    Page,
):
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")


class NewsPage(
    CasebookPageMixin,
    LocalisedReferencesMixin,
    SummaryMixin,
    TeaserMixin,
    Page,
):
    """A news post, ours or republished from another outlet with its attribution."""

    teaser_summary = "summary"
    teaser_countries = "countries"
    teaser_date = "published_at"
    teaser_campaigns = "campaigns"

    published_at = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        help_text=_("As first published, in UTC."),
    )
    countries = ParentalManyToManyField(
        "cms.CountryPage",
        blank=True,
        related_name="news_pages",
        verbose_name=_("countries"),
    )
    related_cases = ParentalManyToManyField(
        "cms.CasePage",
        blank=True,
        related_name="news_pages",
        verbose_name=_("related cases"),
    )
    campaigns = ParentalManyToManyField(
        "cms.CampaignPage",
        blank=True,
        related_name="news_pages",
        verbose_name=_("campaigns"),
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("The outlet this post comes from."),
    )
    source_url = models.URLField(_("source URL"), blank=True)
    original_url = models.URLField(
        _("original-language version"),
        blank=True,
        help_text=_("Link to the text in the language it was first written in."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=16,
        blank=True,
        choices=language_choices,
        help_text=_("The language the original was written in."),
    )
    disclaimer = models.TextField(
        _("legal disclaimer"),
        blank=True,
        help_text=_(
            "Text that the law or the source requires to be shown with this post, "
            "wherever it is published."
        ),
    )
    body = StreamField(NewsStreamBlock(), blank=True, verbose_name=_("body"))

    localised_references = ["countries", "related_cases", "campaigns"]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("published_at"),
        FieldPanel("summary"),
        FieldPanel("countries"),
        FieldPanel("related_cases"),
        FieldPanel("campaigns"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("source_name"),
                FieldPanel("source_url"),
                FieldPanel("original_url"),
                FieldPanel("original_language"),
                FieldPanel("disclaimer"),
            ],
            heading=_("Attribution"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("published_at"),
        index.FilterField("campaigns"),
    ]
    api_fields = [
        APIField("published_at"),
        APIField("summary"),
        APIField("countries"),
        APIField("related_cases"),
        APIField("author"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("original_url"),
        APIField("original_language"),
        APIField("disclaimer"),
        APIField("body"),
    ]
    # Translation (read by cms.translation): attribution stays as the source gave it.
    synchronised_fields = [
        "published_at",
        "countries",
        "related_cases",
        "campaigns",
        "author",
        "source_name",
        "source_url",
        "original_url",
        "original_language",
    ]
    translated_fields = ["summary", "disclaimer", "body"]

    class Meta:
        verbose_name = _("news story")
        verbose_name_plural = _("news stories")

    def clean(self):
        super().clean()
        if self.original_url and not self.original_language:
            raise ValidationError(
                {"original_language": _("Say which language the original is in.")}
            )
