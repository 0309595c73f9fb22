from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms import images

from . import schemas
from .base import PREVIEW_TEMPLATE, CaseStructBlock, api_json, raise_for_children
from .embeds import embed_api_representation
from .sanitise import web_url

# Rendition filters offered to front-ends, smallest first.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


OPTIONAL_IMAGE = schemas.ImageValue | None


def rendition_value(rendition):
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
    }


def image_value(image, alt_text=None):
    """An image as the fields of ``schemas.ImageValue``: what it shows, its
    renditions for ``srcset`` in each format, signed URLs for other sizes.

    ``alt_text``: the text of the place showing it; the image's own description
    without one. Renditions are made on the first call and found after it.
    """
    if image is None:
        return None
    sources = images.srcset_specs(image)
    specs = [*IMAGE_RENDITIONS.values()]
    specs += [spec for group in sources.values() for spec in group]
    renditions = image.get_renditions(*specs)
    fallback = None
    sets = []
    for name, group in sources.items():
        made = [renditions[spec] for spec in group]
        # Widths that the image did not reach give the same rendition twice.
        made = list({rendition.width: rendition for rendition in made}.values())
        image_format = name or images.file_format(made[0])
        sets.append(
            {
                "format": image_format,
                "mime_type": images.MIME_TYPES.get(image_format, ""),
                "srcset": ", ".join(f"{r.url} {r.width}w" for r in made),
                "renditions": [rendition_value(r) for r in made],
            }
        )
        fallback = made[-1]
    return {
        "id": image.pk,
        "title": image.title,
        "alt_text": image.description if alt_text is None else alt_text,
        "width": image.width,
        "height": image.height,
        "focal_point": images.focal_point(image),
        "src": rendition_value(fallback),
        "sources": sets,
        "renditions": {
            name: rendition_value(renditions[spec])
            for name, spec in IMAGE_RENDITIONS.items()
        },
        "signed_urls": images.signed_urls(image),
    }


def image_api_representation(image, alt_text=None):
    """The JSON of an image, wherever one is shown (blocks, teasers, fields)."""
    return api_json(OPTIONAL_IMAGE, image_value(image, alt_text))


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
        alt_text = "" if value["decorative"] else value["alt_text"]
        return {
            **super().api_value(value),
            "image": image_value(value["image"], alt_text),
            "alt_text": alt_text,
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
        # Only http(s): front-ends put the address in an iframe or a link.
        return {
            "url": web_url(embed.url) if embed else None,
            "caption": value["caption"],
            **embed_api_representation(embed),
        }
