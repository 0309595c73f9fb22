"""The StreamBlocks that page bodies are built from, composed of the case blocks."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from caseblocks.blocks import (
    ActionFormBlock,
    AppealAddressBlock,
    CaptionedEmbedBlock,
    CaptionedImageBlock,
    HeadingBlock,
    KeyFactsBlock,
    QuoteBlock,
    RichTextBlock,
    TimelineBlock,
)


class PageStreamBlock(blocks.StreamBlock):
    """A page body: each child is told its id in ``context["block_id"]``.

    Blocks that link to something of their own (an appeal's letter) need their
    place in the page: the page (``context["page"]``) and their id, in their API
    value as in their HTML.
    """

    def render_basic(self, value, context=None):
        if hasattr(context, "flatten"):  # a template Context
            context = context.flatten()
        context = dict(context or {})
        return format_html_join(
            "\n",
            '<div class="w-block-{1} block-{1}">{0}</div>',
            [
                (
                    child.render(context={**context, "block_id": child.id}),
                    child.block_type,
                )
                for child in value
            ],
        )

    def get_api_representation(self, value, context=None):
        context = context or {}
        return [
            {
                "type": child.block.name,
                "value": child.block.get_api_representation(
                    child.value, context={**context, "block_id": child.id}
                ),
                "id": child.id,
            }
            for child in value or ()
        ]


class CountryStreamBlock(PageStreamBlock):
    heading = HeadingBlock()
    rich_text = RichTextBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    embed = CaptionedEmbedBlock()
    key_facts = KeyFactsBlock()


class NewsStreamBlock(CountryStreamBlock):
    """A news body may carry an appeal, so it checks its action identifiers."""

    appeal_address = AppealAddressBlock()
    action_form = ActionFormBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            if child.block_type != "action_form":
                continue
            action_id = child.value["action_id"]
            if action_id in seen:
                errors[index] = ValidationError(
                    _(
                        "This action form has the same identifier as action form %(n)d. "
                        "Clear its identifier to make a new action."
                    )
                    % {"n": seen[action_id] + 1}
                )
            seen.setdefault(action_id, index)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class CaseStreamBlock(NewsStreamBlock):
    """A case page body: the story plus what supporters can do about it."""

    timeline = TimelineBlock()
