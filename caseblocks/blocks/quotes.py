import datetime

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import schemas
from .base import PREVIEW_TEMPLATE, CaseStructBlock
from .sanitise import web_url


class QuoteBlock(CaseStructBlock):
    text = blocks.TextBlock(
        label=_("Quotation"), help_text=_("The words, without quotation marks.")
    )
    speaker = blocks.CharBlock(
        label=_("Speaker"), max_length=255, help_text=_("Who said or wrote it.")
    )
    speaker_role = blocks.CharBlock(
        label=_("Speaker's role"),
        max_length=255,
        required=False,
        help_text=_("For example 'Deputy Director for Europe and Central Asia'."),
    )
    date = blocks.DateBlock(
        label=_("Date"), required=False, help_text=_("When it was said or written.")
    )
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=255,
        required=False,
        help_text=_(
            "Where it was said or published, for example 'Letter from prison'."
        ),
    )
    source_url = blocks.URLBlock(required=False, label=_("Source URL"))

    # The speaker's name is kept as they write it; the date and link stay in step.
    translatable_children = ("text", "speaker_role", "source")
    searchable_children = ("text", "speaker", "speaker_role", "source")

    api_schema = schemas.QuoteValue

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _(
            "Words of the person at risk, their family or a spokesperson, with "
            "who said them, when and where."
        )
        template = "caseblocks/blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": "My release is a great victory, and your letters made it happen.",
            "speaker": "Erkin Musaev",
            "speaker_role": "Former prisoner",
            "date": datetime.date(2017, 8, 23),
            "source": "Letter of thanks",
            "source_url": "",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["source_url"] = web_url(value.get("source_url"))
        return context
