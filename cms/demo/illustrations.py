"""Plain illustrations for the demo, drawn in code: no photographs of real people.

Each picture is an abstract pattern (circles, stripes or a grid of tiles) whose
shapes and colours follow from a name, so every run draws the same picture, and
a page finds its picture again by its title.
"""

import hashlib
import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from caseblocks.blocks.media import image_api_representation

CREDIT = "Illustration: Casebook demo"
SIZE = (960, 640)
PALETTES = [
    ["#1d3557", "#457b9d", "#a8dadc", "#f1faee", "#e63946"],
    ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
    ["#3d405b", "#81b29a", "#f2cc8f", "#e07a5f", "#f4f1de"],
    ["#2b2d42", "#8d99ae", "#edf2f4", "#ef233c", "#d90429"],
]
# What each pattern shows, for people who cannot see it, in the demo's languages.
DESCRIPTIONS = {
    "circles": {
        "en": "An abstract pattern of overlapping coloured circles",
        "zh-hant": "由重疊彩色圓形組成的抽象圖案",
        "it": "Un motivo astratto di cerchi colorati sovrapposti",
        "ru": "Абстрактный узор из пересекающихся цветных кругов",
    },
    "stripes": {
        "en": "An abstract pattern of slanting coloured stripes",
        "zh-hant": "由傾斜彩色條紋組成的抽象圖案",
        "it": "Un motivo astratto di strisce colorate oblique",
        "ru": "Абстрактный узор из косых цветных полос",
    },
    "tiles": {
        "en": "An abstract pattern of coloured tiles",
        "zh-hant": "由彩色方塊組成的抽象圖案",
        "it": "Un motivo astratto di tessere colorate",
        "ru": "Абстрактный узор из цветных плиток",
    },
}
PATTERNS = list(DESCRIPTIONS)


def seeded(name):
    return random.Random(hashlib.sha256(name.encode()).digest())  # noqa: S311 - art


def pattern_of(name):
    return PATTERNS[seeded(name).randrange(len(PATTERNS))]


def draw(name):
    """The PNG bytes of ``name``'s illustration."""
    rng = seeded(name)
    rng.randrange(len(PATTERNS))  # the pattern, as pattern_of drew it
    palette = PALETTES[rng.randrange(len(PALETTES))]
    width, height = SIZE
    picture = PILImage.new("RGB", SIZE, palette[0])
    canvas = ImageDraw.Draw(picture)
    pattern = pattern_of(name)
    if pattern == "circles":
        for _ in range(14):
            x, y, r = (
                rng.randrange(width),
                rng.randrange(height),
                rng.randrange(40, 220),
            )
            canvas.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(palette[1:]))
    elif pattern == "stripes":
        step = rng.randrange(50, 110)
        for offset in range(-height, width, step):
            colour = rng.choice(palette[1:])
            canvas.polygon(
                [
                    (offset, height),
                    (offset + step // 2, height),
                    (offset + height + step // 2, 0),
                    (offset + height, 0),
                ],
                fill=colour,
            )
    else:
        tile = rng.choice([80, 120, 160])
        for x in range(0, width, tile):
            for y in range(0, height, tile):
                inset = rng.randrange(4, tile // 4)
                canvas.rectangle(
                    (x + inset, y + inset, x + tile - inset, y + tile - inset),
                    fill=rng.choice(palette[1:]),
                )
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def illustration(name):
    """The demo's illustration for ``name``, made the first time it is asked for."""
    title = f"Illustration: {name}"
    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is None:
        pattern = pattern_of(name)
        image = model(title=title, description=DESCRIPTIONS[pattern]["en"])
        image.file = ImageFile(io.BytesIO(draw(name)), name=f"{name}.png")
        image.save()
        # The renditions the API offers, made now rather than by the first reader.
        image_api_representation(image)
    return image


def image_block(image, name, language):
    """A raw image block showing ``image``, credited, described in ``language``."""
    descriptions = DESCRIPTIONS[pattern_of(name)]
    return {
        "type": "image",
        "value": {
            "image": image.pk,
            "alt_text": descriptions.get(language, descriptions["en"]),
            "decorative": False,
            "caption": "",
            "credit": CREDIT,
        },
    }
