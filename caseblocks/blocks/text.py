from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from . import schemas
from .base import PREVIEW_TEMPLATE, APIBlockMixin, CaseStructBlock
from .sanitise import clean_html
from .tree import rich_text_tree, wants_tree

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def drop_unreadable_page_links(source, readable_ids):
    """``source`` (stored rich text) with links to pages a reader may not read
    reduced to a bare ``<a>``: the text stays, the target and the page's id go.

    ``readable_ids`` maps page ids to the readable subset; None keeps no page link.
    """
    links = [(match, extract_attrs(match[1])) for match in FIND_A_TAG.finditer(source)]
    ids = {attrs.get("id") for _m, attrs in links if attrs.get("linktype") == "page"}
    readable = {str(pk) for pk in readable_ids(ids)} if readable_ids and ids else set()

    def rewrite(match):
        attrs = extract_attrs(match[1])
        if attrs.get("linktype") == "page" and attrs.get("id") not in readable:
            return "<a>"
        return match[0]

    return FIND_A_TAG.sub(rewrite, source) if ids else source


class RichTextBlock(APIBlockMixin, blocks.RichTextBlock):
    """Rich text whose API form is HTML with internal links resolved, or the
    typed tree of it when the API's context asks (``tree.wants_tree``).

    The HTML is whitelisted on the way out (``sanitise.clean_html``): a value
    stored past the editor cannot bring scripts, event handlers or
    ``javascript:`` links to a front-end.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    api_schema = schemas.RichTextValue

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _(
            "Paragraphs of the story, with links, lists and small headings. Use a "
            "Heading block for the titles of sections."
        )
        template = "caseblocks/blocks/rich_text.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = (
            "<p>Azimjan Askarov, director of the human rights organisation Vozdukh, "
            "documented police abuse in southern Kyrgyzstan for years.</p>"
            "<ul><li>Detained on 15 June 2010</li><li>Sentenced to life</li></ul>"
        )

    def clean(self, value):
        # The editor sends an empty paragraph for a block left blank, which the
        # required check of the form field takes for text.
        value = super().clean(value)
        if self.required and not strip_tags(value.source).strip():
            raise ValidationError(_("Write some text, or remove this block."))
        return value

    def api_value(self, value, context=None):
        if wants_tree(context):
            return rich_text_tree(value.source)
        return clean_html(expand_db_html(value.source))

    def get_context(self, value, parent_context=None):
        # The page's rendering puts its rule for links into the context
        # (cms.site.links); without one, as in the block picker, no page link
        # keeps its target.
        context = super().get_context(value, parent_context)
        readable_ids = context.get("readable_page_ids")
        source = drop_unreadable_page_links(value.source, readable_ids)
        context["html"] = mark_safe(clean_html(expand_db_html(source)))  # noqa: S308 - whitelisted
        return context


class HeadingBlock(CaseStructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
    )

    translatable_children = ("text",)
    searchable_children = ("text",)

    api_schema = schemas.HeadingValue

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _(
            "The title of a section of the page. Level 2 for main sections, "
            "level 3 for parts of them."
        )
        template = "caseblocks/blocks/heading.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Arrested for documenting abuse", "level": "h2"}
