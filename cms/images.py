"""Images as the API hands them out: renditions for ``srcset``, signed URLs.

``CASEBOOK_IMAGES`` overrides any key of ``DEFAULTS``. Renditions are made the
first time an image is represented and stored by Wagtail (the ``Rendition``
table and files); every later representation finds them, prefetched with the
image where the caller loads many (``cms.api.pagetypes``).

Other sizes come from Wagtail's serve view at a signed URL
(``cms.image_serve``): the signature covers the image and the filter, so a
client cannot ask for a size of its own, and the view makes the rendition on
first use.
"""

from functools import cache

from PIL import features

from django.conf import settings
from django.urls import reverse

from wagtail.images.utils import generate_signature

DEFAULTS = {
    # Widths of the renditions offered in ``srcset``, in pixels. An image
    # narrower than one is offered at its own width instead (never enlarged).
    "WIDTHS": [320, 640, 1024, 1600],
    # Modern formats offered before the image's own format, when Pillow can
    # write them.
    "FORMATS": ["avif", "webp"],
    # Named filters of the signed URLs each image carries (Wagtail filter specs).
    "SIGNED_FILTERS": {
        "square": "fill-600x600",
        "social": "fill-1200x630",
        "wide": "fill-1600x900",
    },
    # Origin put in front of the signed URLs (e.g. "https://cms.example.org");
    # empty: paths on the API's own host.
    "SERVE_ORIGIN": "",
    # Requests to the serve view one client address may make in a window.
    "SERVE_RATE_LIMIT": "60/60",
}

MIME_TYPES = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "svg": "image/svg+xml",
}
EXTENSIONS = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "gif": "gif"}


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_IMAGES", {})}[name]


@cache
def pillow_writes(image_format):
    return features.check(image_format)


def modern_formats():
    """The modern formats offered, those the installed Pillow can write."""
    return [name for name in get_setting("FORMATS") if pillow_writes(name)]


def srcset_specs(image):
    """Format → filter specs of the ``srcset`` renditions of ``image``.

    The image's own format (None) comes last, as the fallback. SVG images are
    offered as they are: Wagtail neither resizes nor converts them.
    """
    if image.is_svg():
        return {None: ["original"]}
    widths = sorted({min(width, image.width) for width in get_setting("WIDTHS")})
    formats = [*modern_formats(), None]
    return {
        name: [
            f"width-{width}|format-{name}" if name else f"width-{width}"
            for width in widths
        ]
        for name in formats
    }


def file_format(rendition):
    """The format of a rendition's file, from its extension."""
    extension = rendition.file.name.rsplit(".", 1)[-1].lower()
    return EXTENSIONS.get(extension, extension)


def signed_url(image, filter_spec):
    """The serve view's URL of ``image`` through ``filter_spec``, signed."""
    signature = generate_signature(image.pk, filter_spec)
    path = reverse("casebook_image_serve", args=(signature, image.pk, filter_spec))
    return get_setting("SERVE_ORIGIN").rstrip("/") + path


def signed_urls(image):
    return {
        name: signed_url(image, spec)
        for name, spec in get_setting("SIGNED_FILTERS").items()
    }


def focal_point(image):
    if image.focal_point_x is None:
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width,
        "height": image.focal_point_height,
    }
