from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.rich_text import expand_db_html

from . import schemas
from .base import TranslatableChildrenMixin
from .sanitise import clean_html

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class RichTextBlock(blocks.RichTextBlock):
    """Rich text whose API form is HTML with internal links resolved.

    The HTML is whitelisted on the way out (``sanitise.clean_html``): a value
    stored past the editor cannot bring scripts, event handlers or
    ``javascript:`` links to a front-end.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    api_schema = schemas.RichTextHTML

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Paragraphs with links and lists")
        preview_value = "<p>Azimjan Askarov documented police abuse for years.</p>"

    def clean(self, value):
        # The editor sends an empty paragraph for a block left blank, which the
        # required check of the form field takes for text.
        value = super().clean(value)
        if self.required and not strip_tags(value.source).strip():
            raise ValidationError(_("Write some text, or remove this block."))
        return value

    def get_api_representation(self, value, context=None):
        return clean_html(expand_db_html(value.source))


class HeadingBlock(TranslatableChildrenMixin, blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
    )

    translatable_children = ("text",)

    api_schema = schemas.HeadingValue

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section heading")
        preview_value = {"text": "What happened", "level": "h2"}

    def get_api_representation(self, value, context=None):
        return {"text": value["text"], "level": value["level"]}
