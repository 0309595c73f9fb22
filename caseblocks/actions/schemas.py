"""OpenAPI shapes of the action routes (the view validates submissions itself)."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema


class PrivacyPolicyLink(Schema):
    title: str
    path: str = Field(description="The page's front-end path")
    url: str = Field(description="Where a reader opens it")


class ActionOut(Schema):
    action_id: str
    kind: str
    language: str
    state: str = Field(description="open or closed")
    opens_at: datetime | None
    closes_at: datetime | None
    goal: int | None
    supporters: int = Field(
        description=(
            "Unique confirmed supporters, exact; for an action that does not ask "
            "for confirmation a snapshot refreshed every few minutes"
        )
    )
    closed_text: str | None
    mailto: str | None = Field(description="A mailto: link for e-mail actions")
    captcha: str | None = Field(description="turnstile, hcaptcha or null")
    privacy_policy: PrivacyPolicyLink | None = Field(
        description="The site's privacy policy in the action's language, to link "
        "next to the consent box; null when the site names none"
    )


class SubmissionIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(max_length=254, json_schema_extra={"format": "email"})
    country: str = Field(description="ISO 3166-1 alpha-2", pattern="^[A-Za-z]{2}$")
    message: str = Field("", description="Personal message; empty: the suggested one")
    consent: Literal[True] = Field(description="Must be true: never assumed")
    newsletter: bool = False
    website: str = Field("", description="Leave empty (honeypot)")
    captcha_token: str = Field("", max_length=4096)
    language: str | None = Field(None, max_length=16)


class AcceptedOut(Schema):
    status: str = Field(description="Always 'accepted', first or repeat alike")
    confirmation_text: str


class ConfirmationIn(Schema):
    token: str = Field(
        min_length=1, max_length=200, description="The token of the e-mailed link"
    )


class ConfirmedOut(Schema):
    status: Literal["confirmed"]
    action_id: str
    language: str = Field(description="The language version the supporter used")


class ErrorOut(Schema):
    field: str | None
    message: str


class ErrorsOut(Schema):
    errors: list[ErrorOut]


class ClosedOut(ErrorsOut):
    state: str
    closed_text: str
