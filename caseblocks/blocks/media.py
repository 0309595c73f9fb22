from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from . import schemas
from .base import PREVIEW_TEMPLATE, CaseStructBlock, api_json, raise_for_children
from .sanitise import web_url

# Rendition filters offered to front-ends, smallest first.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


OPTIONAL_IMAGE = schemas.ImageValue | None


def image_value(image):
    """An image as the fields of ``schemas.ImageValue``: its renditions in a few sizes."""
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


def image_api_representation(image):
    """The JSON of an image, wherever one is shown (blocks, teasers, fields)."""
    return api_json(OPTIONAL_IMAGE, image_value(image))


class CaptionedImageBlock(CaseStructBlock):
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
    searchable_children = ("alt_text", "caption", "credit")

    api_schema = schemas.CaptionedImageValue

    class Meta:
        icon = "image"
        label = _("Image")
        description = _(
            "A picture from the image library, with a caption, the photographer's "
            "credit and a description for people who cannot see it."
        )
        template = "caseblocks/blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "alt_text": "Azimjan Askarov in the courtroom, behind bars",
            "decorative": False,
            "caption": "Azimjan Askarov at his appeal hearing",
            "credit": "Family photo",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value["alt_text"] and not value["decorative"]:
            raise_for_children(
                {"alt_text": _("Describe the picture, or mark it as decorative.")}
            )
        return value

    def get_preview_value(self):
        # The newest picture of the library, if there is one, so that the preview
        # shows how a picture sits with its caption and credit.
        from wagtail.images import get_image_model

        value = super().get_preview_value()
        value["image"] = get_image_model().objects.order_by("-pk").first()
        return value

    def api_value(self, value, context=None):
        return {
            **super().api_value(value),
            "image": image_value(value["image"]),
            "alt_text": "" if value["decorative"] else value["alt_text"],
        }


class CaptionedEmbedBlock(CaseStructBlock):
    embed = EmbedBlock(
        label=_("Embed URL"),
        help_text=_("A video or post URL, for example on YouTube."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    translatable_children = ("caption",)
    searchable_children = ("caption",)

    api_schema = schemas.CaptionedEmbedValue
    # Children whose API key is another name: the embed is given by its address.
    api_renamed_children = {"embed": "url"}

    class Meta:
        icon = "media"
        label = _("Embed")
        description = _(
            "A video or social media post, given by its address (for example on "
            "YouTube), shown as a link with a caption."
        )
        template = "caseblocks/blocks/embed.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "embed": "https://video.example.org/free-azimjan-askarov",
            "caption": "Supporters deliver the petition",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["url"] = web_url(value["embed"].url) if value["embed"] else None
        return context

    def api_value(self, value, context=None):
        embed = value["embed"]
        return {"url": embed.url if embed else None, "caption": value["caption"]}
