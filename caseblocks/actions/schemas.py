"""OpenAPI shapes of the action routes (the view validates submissions itself)."""

from datetime import datetime

from ninja import Field, Schema


class ActionOut(Schema):
    action_id: str
    kind: str
    language: str
    state: str = Field(description="open or closed")
    opens_at: datetime | None
    closes_at: datetime | None
    goal: int | None
    supporters: int = Field(description="Unique supporters, exact")
    closed_text: str | None
    mailto: str | None = Field(description="A mailto: link for e-mail actions")
    captcha: str | None = Field(description="turnstile, hcaptcha or null")


class SubmissionIn(Schema):
    name: str = Field(max_length=200)
    email: str
    country: str = Field(description="ISO 3166-1 alpha-2", min_length=2, max_length=2)
    message: str = Field("", description="Personal message; empty: the suggested one")
    consent: bool = Field(description="Must be true")
    newsletter: bool = False
    website: str = Field("", description="Leave empty (honeypot)")
    captcha_token: str = ""
    language: str | None = None


class AcceptedOut(Schema):
    status: str = Field(description="Always 'accepted', first or repeat alike")
    confirmation_text: str


class ErrorOut(Schema):
    field: str | None
    message: str


class ErrorsOut(Schema):
    errors: list[ErrorOut]


class ClosedOut(ErrorsOut):
    state: str
    closed_text: str
