from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import CaseStreamBlock

from .mixins import SummaryMixin, TeaserMixin
from .publishing import CasebookPageMixin


class GeneralPage(
    CasebookPageMixin,
    SummaryMixin,
    TeaserMixin,
    Page,
):
    """Any other page: about us, the privacy policy, a campaign's landing page.

    Found by its front-end path like every page (``/pages/find/?path=``).
    """

    teaser_summary = "summary"

    body = StreamField(CaseStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = [
        "cms.HomePage",
        "cms.GeneralPage",
        "cms.CampaignIndexPage",
        "cms.CampaignPage",
    ]
    subpage_types = ["cms.GeneralPage"]

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("summary"), APIField("body")]
    translated_fields = ["summary", "body"]  # read by cms.translation

    class Meta:
        verbose_name = _("general page")
        verbose_name_plural = _("general pages")
