"""The public blocks. Import them from here: ``from caseblocks.blocks import QuoteBlock``."""

from .actions import ActionFormBlock
from .appeals import AppealAddressBlock
from .facts import KeyFactsBlock, TimelineBlock
from .media import CaptionedEmbedBlock, CaptionedImageBlock
from .quotes import QuoteBlock
from .text import HeadingBlock, RichTextBlock

__all__ = [
    "ActionFormBlock",
    "AppealAddressBlock",
    "CaptionedEmbedBlock",
    "CaptionedImageBlock",
    "HeadingBlock",
    "KeyFactsBlock",
    "QuoteBlock",
    "RichTextBlock",
    "TimelineBlock",
]
