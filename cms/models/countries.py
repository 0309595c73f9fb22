from django_countries import countries

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import CountryStreamBlock
from cms.visibility import visible

from .mixins import IndexPageMixin, SummaryMixin, TeaserMixin
from .publishing import CasebookPageMixin


def country_choices():
    """ISO 3166-1 codes and names, named in the language of the request."""
    return list(countries)


class CountryIndexPage(
    CasebookPageMixin,
    IndexPageMixin,
    TeaserMixin,
    Page,
):
    subpage_types = ["cms.CountryPage"]

    class Meta:
        verbose_name = _("countries section")
        verbose_name_plural = _("countries sections")


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE_CENTRAL_ASIA = "europe_central_asia", _("Europe and Central Asia")
    MIDDLE_EAST_NORTH_AFRICA = (
        "middle_east_north_africa",
        _("Middle East and North Africa"),
    )


class CountryPage(
    CasebookPageMixin,
    SummaryMixin,
    TeaserMixin,
    Page,
):
    """A country: the page title is its name, as readers of the locale write it."""

    teaser_summary = "summary"
    teaser_countries = "self"

    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        choices=country_choices,
        help_text=_("ISO 3166-1 alpha-2 code, for example UZ."),
    )
    region = models.CharField(_("region"), max_length=32, choices=Region.choices)
    body = StreamField(CountryStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["cms.CountryIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("iso_code"),
        FieldPanel("region"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("iso_code"),
        index.FilterField("region"),
    ]
    api_fields = [
        APIField("iso_code"),
        APIField("region"),
        APIField("summary"),
        APIField("body"),
    ]
    # Translation (read by cms.translation); the title is the country's name.
    synchronised_fields = ["iso_code", "region"]
    translated_fields = ["summary", "body"]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    @property
    def name(self):
        return self.title

    def clean(self):
        super().clean()
        if self.iso_code:
            self.iso_code = self.iso_code.upper()
        others = CountryPage.objects.filter(
            iso_code=self.iso_code, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.iso_code and others.exists():
            raise ValidationError(
                {"iso_code": _("This locale already has a page for this country.")}
            )

    def get_cases(self):
        """The country's cases a visitor may read, most recently published first.

        Visible by the one rule (``cms.visibility``): a live case under a
        restricted parent, or outside every site, is not one of them.
        """
        newest = models.F("first_published_at").desc(nulls_last=True)
        return self.cases.filter(visible()).order_by(newest, "-pk")

    def get_news(self):
        """The news about this country a visitor may read, newest first."""
        return self.news_pages.filter(visible()).order_by("-published_at", "-pk")
