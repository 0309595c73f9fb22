"""The API shapes of the case blocks' values, as pydantic models.

Each block names its model in ``api_schema`` and its JSON is produced from it
(``base.APIBlockMixin``): the model is the one declaration of the shape, for the
response and for the OpenAPI document alike. Every field is required (nullable
ones as ``X | None``) and extra keys are forbidden. The small conversions the JSON
makes of stored values (an empty fax as null, only http(s) links) are declared
here too, as the fields' validators.
"""

import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from .sanitise import web_url


class APIValue(BaseModel):
    """The one strict base of the API's shapes: a key not declared is refused.

    A text child missing from a stored value (stored before the child existed)
    reads as empty text, as the editor shows it, rather than as null.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def absent_text_is_empty(cls, data):
        if isinstance(data, dict):
            absent = [
                name
                for name, field in cls.model_fields.items()
                if field.annotation is str and name in data and data[name] is None
            ]
            if absent:
                data = {**data, **dict.fromkeys(absent, "")}
        return data


# Stored as "" when left blank; the JSON says null.
BlankAsNone = Annotated[str | None, BeforeValidator(lambda value: value or None)]
# Front-ends put links in an href or an iframe: anything but http(s) reads as null.
WebURL = Annotated[str | None, BeforeValidator(web_url)]


class QuoteValue(APIValue):
    text: str
    speaker: str
    speaker_role: str
    date: datetime.date | None
    source: str
    source_url: WebURL


class HeadingValue(APIValue):
    text: str
    level: Literal["h2", "h3"]


class KeyFactValue(APIValue):
    label: str
    value: str


class KeyFactsValue(APIValue):
    heading: str
    facts: list[KeyFactValue]


class TimelineEventValue(APIValue):
    date: datetime.date
    precision: Literal["day", "month", "year"]
    title: str
    description: str


class TimelineValue(APIValue):
    heading: str
    events: list[TimelineEventValue]


class LetterLinksValue(APIValue):
    a4: str
    letter: str


class AppealAddressValue(APIValue):
    recipient: str
    position: str
    organisation: str
    address_lines: list[str]
    city: str
    postcode: str
    country: str
    fax: BlankAsNone
    email: BlankAsNone
    salutation: str
    ask: str
    # Where the letter can be downloaded, on each paper; None if none is offered.
    letter: LetterLinksValue | None


class ActionTargetValue(APIValue):
    id: int
    name: str
    position: str
    email: str
    country: str


class ActionFormValue(APIValue):
    action_id: str
    kind: Literal["email", "petition", "letter"]
    targets: list[ActionTargetValue]
    subject: str
    suggested_message: str
    consent_text: str
    goal: int | None
    # Whether supporters confirm by e-mail before they count.
    confirm_by_email: bool
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    is_open: bool
    confirmation_text: str
    closed_text: str


class RenditionValue(APIValue):
    url: str
    width: int
    height: int


class ImageRenditionsValue(APIValue):
    thumbnail: RenditionValue
    medium: RenditionValue
    large: RenditionValue


class FocalPointValue(APIValue):
    """The part of the picture that crops keep, centred on (x, y), in pixels."""

    x: int
    y: int
    width: int
    height: int


class ImageSourceValue(APIValue):
    """Renditions of one format, for a ``<source>`` of a ``<picture>``."""

    format: str = Field(description="avif, webp, or the image's own format.")
    mime_type: str
    srcset: str = Field(description="The renditions as a srcset attribute.")
    renditions: list[RenditionValue]


class ImageValue(APIValue):
    id: int
    title: str
    alt_text: str = Field(
        description="What the picture shows, for people who cannot see it; "
        "empty for a decorative picture."
    )
    width: int
    height: int
    focal_point: FocalPointValue | None
    src: RenditionValue = Field(
        description="The largest rendition in the image's own format: the "
        "fallback for browsers that take none of the sources."
    )
    sources: list[ImageSourceValue] = Field(
        description="Modern formats first (AVIF, WebP where the server makes "
        "them), the image's own format last."
    )
    renditions: ImageRenditionsValue
    signed_urls: dict[str, str] = Field(
        description="Other sizes, made on first use by the image serve view "
        "(rate-limited), by name."
    )


class CaptionedImageValue(APIValue):
    image: ImageValue | None
    alt_text: str
    decorative: bool
    caption: str
    credit: str


class CaptionedEmbedValue(APIValue):
    url: WebURL
    caption: str
    html: str | None = Field(
        description="The provider's player as a sandboxed iframe, for allowed "
        "providers only (CASEBOOK_ACTIONS['EMBED_IFRAME_HOSTS']); else null."
    )
    title: str
    provider_name: str
    thumbnail_url: str | None
    width: int | None
    height: int | None


# Rich text leaves the API as HTML, with internal links already resolved.
RichTextHTML = Annotated[
    str, WithJsonSchema({"type": "string", "contentMediaType": "text/html"})
]


# Rich text as a tree (``?format=tree``): caseblocks.blocks.tree.
class TextNode(APIValue):
    type: Literal["text"]
    text: str = Field(description="Plain text: escape it when writing HTML.")
    marks: list[Literal["bold", "italic"]]


class LineBreakNode(APIValue):
    type: Literal["line_break"]


class LinkNode(APIValue):
    type: Literal["link"]
    href: str | None = Field(
        description="A front-end path for a page, else the address; null when the "
        "target is not public (the text stays)."
    )
    page: int | None = Field(description="The id of the page linked to, if any.")
    children: list["InlineNode"]


InlineNode = Annotated[TextNode | LineBreakNode | LinkNode, Field(discriminator="type")]


class ParagraphNode(APIValue):
    type: Literal["paragraph"]
    children: list[InlineNode]


class HeadingNode(APIValue):
    type: Literal["heading"]
    level: int = Field(ge=1, le=6)
    children: list[InlineNode]


class ListItemNode(APIValue):
    type: Literal["list_item"]
    children: list[Annotated[InlineNode | "ListNode", Field(discriminator="type")]]


class ListNode(APIValue):
    type: Literal["list"]
    ordered: bool
    children: list[ListItemNode]


BlockNode = Annotated[
    ParagraphNode | HeadingNode | ListNode, Field(discriminator="type")
]
LinkNode.model_rebuild()
ListItemNode.model_rebuild()

RichTextTree = list[BlockNode]

RichTextValue = Annotated[
    RichTextHTML | RichTextTree,
    Field(
        description="HTML with links resolved; with ?format=tree, the typed tree "
        "of the same text."
    ),
]
