from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from . import schemas
from .base import TranslatableChildrenMixin, raise_for_children
from .sanitise import web_url

# Rendition filters offered to front-ends, smallest first.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


def image_api_representation(image):
    """The API shape of an image: its renditions in a few sizes."""
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


class CaptionedImageBlock(TranslatableChildrenMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        required=False,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Tick if the picture adds nothing to the text."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)
    credit = blocks.CharBlock(
        label=_("Credit"),
        max_length=255,
        required=False,
        help_text=_("Photographer or owner of the picture."),
    )

    # The picture and its credit stay as the owner gave them.
    translatable_children = ("alt_text", "caption")

    api_schema = schemas.CaptionedImageValue

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A picture with caption, credit and alternative text")

    def clean(self, value):
        value = super().clean(value)
        if not value["alt_text"] and not value["decorative"]:
            raise_for_children(
                {"alt_text": _("Describe the picture, or mark it as decorative.")}
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "image": image_api_representation(value["image"]),
            "alt_text": "" if value["decorative"] else value["alt_text"],
            "caption": value["caption"],
            "credit": value["credit"],
        }


class CaptionedEmbedBlock(TranslatableChildrenMixin, blocks.StructBlock):
    embed = EmbedBlock(
        label=_("Embed URL"),
        help_text=_("A video or post URL, for example on YouTube."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    translatable_children = ("caption",)

    api_schema = schemas.CaptionedEmbedValue

    class Meta:
        icon = "media"
        label = _("Embed")
        description = _("A video or social media post")

    def get_api_representation(self, value, context=None):
        # Only http(s): front-ends put the address in an iframe or a link.
        embed = value["embed"]
        return {
            "url": web_url(embed.url) if embed else None,
            "caption": value["caption"],
        }
