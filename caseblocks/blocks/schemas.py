"""The API shapes of the case blocks' values, as pydantic models.

Each block names its model in ``api_schema``; the model describes exactly what the
block's ``get_api_representation`` returns. Every field is required (nullable ones
as ``X | None``) and extra keys are forbidden, so a test that validates each block's
representation against its model catches a key added to one and not the other.
"""

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, WithJsonSchema


class APIValue(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuoteValue(APIValue):
    text: str
    speaker: str
    speaker_role: str
    date: datetime.date | None
    source: str
    source_url: str | None


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
    fax: str | None
    email: str | None
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


class ImageValue(APIValue):
    id: int
    title: str
    width: int
    height: int
    renditions: ImageRenditionsValue


class CaptionedImageValue(APIValue):
    image: ImageValue | None
    alt_text: str
    caption: str
    credit: str


class CaptionedEmbedValue(APIValue):
    url: str | None
    caption: str


# Rich text leaves the API as HTML, with internal links already resolved.
RichTextHTML = Annotated[
    str, WithJsonSchema({"type": "string", "contentMediaType": "text/html"})
]
