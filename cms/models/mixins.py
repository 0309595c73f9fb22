from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index


class IndexPageMixin(models.Model):
    """A section page (countries, cases, news): one per home page, with an intro.

    Put it before ``Page`` in the bases so its panels and fields win.
    """

    intro = models.TextField(blank=True, help_text=_("Shown above the listing."))

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    translated_fields = ["intro"]  # read by cms.translation

    class Meta:
        abstract = True


class SummaryMixin(models.Model):
    """A short plain-text summary for listings, teasers and search results."""

    summary = models.TextField(
        max_length=500, help_text=_("One or two sentences for listings and sharing.")
    )

    class Meta:
        abstract = True
