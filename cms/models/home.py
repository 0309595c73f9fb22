from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from .mixins import TeaserMixin
from .publishing import CasebookPageMixin


class HomePage(CasebookPageMixin, TeaserMixin, Page):
    """The root of one locale's site: its sections hang below it."""

    teaser_summary = "intro"

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences about the site."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.CountryIndexPage",
        "cms.CaseIndexPage",
        "cms.NewsIndexPage",
        "cms.CampaignIndexPage",
        "cms.GeneralPage",
    ]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    translated_fields = ["intro"]  # read by cms.translation

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
