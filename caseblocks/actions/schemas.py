"""The shapes of the action routes; ``SubmissionIn`` is also what validates a submission.

The OpenAPI document shows ``SubmissionIn`` and the route validates the body with
it, once: the strict rules (text is text, consent is a JSON ``true``, no control
characters where a line may reach a mail header) are its validators, and each
error names its field with a message of ours, translated.
"""

from datetime import datetime
from typing import Annotated, Literal

from django_countries import countries
from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    BeforeValidator,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _

from caseblocks.conf import get_setting
from cms.api.errors import Errors

from .identity import clean_address, has_control_characters

REQUIRED = _("This field is required.")
NOT_TEXT = _("Send text.")
NOT_BOOLEAN = _("Send true or false.")
TOO_LONG = _("Ensure this value has at most %(max_length)d characters.")
CONTROL_CHARACTERS = _("Remove line breaks and other control characters.")
NO_CONSENT = _("Consent is needed to take part: send true once the supporter agrees.")
NOT_A_COUNTRY = _("Give the country as an ISO 3166 two-letter code, such as KZ.")
INVALID = _("Enter a valid value.")


def refuse(code, message):
    return PydanticCustomError(code, "{message}", {"message": str(message)})


def one_line(value):
    """One line of text: what a supporter types here can reach a mail header
    (Reply-To carries the name and address), a log line or a staff screen, where
    a line break would start a header of the outsider's choosing."""
    if value and has_control_characters(value):
        raise refuse("control_characters", CONTROL_CHARACTERS)
    return value


def mail_address(value):
    """The one rule of ``identity.clean_address``: ASCII local part, IDNA domain."""
    try:
        return clean_address(value)
    except DjangoValidationError as error:
        raise refuse(error.code or "invalid", error.messages[0]) from None


def country_code(value):
    code = value.upper()
    if not countries.alpha2(code):
        raise refuse("invalid_country", NOT_A_COUNTRY)
    return code


def bounded_message(value):
    limit = get_setting("MESSAGE_MAX_LENGTH")
    if len(value) > limit:
        raise refuse("string_too_long", TOO_LONG % {"max_length": limit})
    return value


def json_boolean(value):
    if not isinstance(value, bool):
        raise refuse("bool_type", NOT_BOOLEAN)
    return value


# Strict: a number or a list is refused, never turned into text.
Text = Annotated[str, Field(strict=True)]
Stripped = Annotated[Text, StringConstraints(strip_whitespace=True)]
Line = Annotated[Stripped, AfterValidator(one_line)]


class SubmissionIn(Schema):
    name: Line = Field(min_length=1, max_length=200)
    email: Annotated[Stripped, AfterValidator(mail_address)] = Field(
        max_length=254, json_schema_extra={"format": "email"}
    )
    country: Annotated[Line, AfterValidator(country_code)] = Field(
        description="ISO 3166-1 alpha-2", pattern="^[A-Za-z]{2}$"
    )
    message: Annotated[Stripped, AfterValidator(bounded_message)] = Field(
        "", description="Personal message; empty: the suggested one"
    )
    # Consent is never inferred: a JSON true, nothing else.
    consent: Annotated[Literal[True], BeforeValidator(json_boolean)] = Field(
        description="Must be true: never assumed"
    )
    newsletter: bool = Field(False, strict=True)
    # The honeypot: hidden from people, so only a robot fills it in.
    website: Text = Field("", description="Leave empty (honeypot)")
    captcha_token: Line = Field("", max_length=4096)
    language: Line | None = Field(None, max_length=16)

    @classmethod
    def validate_submission(cls, payload):
        """``(cleaned data, None)`` or ``(None, [(field, message), ...])``."""
        try:
            submission = cls.model_validate(payload)
        except ValidationError as error:
            return None, [
                (field_of(item), message_of(item, payload)) for item in error.errors()
            ]
        return {**submission.model_dump(), "language": submission.language or ""}, None


def field_of(error):
    location = error["loc"]
    return str(location[0]) if location else "body"


def message_of(error, payload):
    """Our message, translated, for a pydantic error (pydantic's are English only)."""
    kind, field = error["type"], field_of(error)
    own = (error.get("ctx") or {}).get("message")
    if own:  # one of our validators' own messages
        return own
    if field == "consent":
        given = payload.get(field) if isinstance(payload, dict) else None
        return (
            NOT_BOOLEAN
            if given is not None and not isinstance(given, bool)
            else NO_CONSENT
        )
    if kind in {"missing", "string_too_short"}:
        return REQUIRED
    if kind == "string_type":
        return NOT_TEXT
    if kind == "bool_type":
        return NOT_BOOLEAN
    if kind == "string_too_long":
        return TOO_LONG % {"max_length": error["ctx"]["max_length"]}
    if kind == "string_pattern_mismatch" and field == "country":
        return NOT_A_COUNTRY
    return INVALID


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


class ClosedOut(Errors):
    state: str
    closed_text: str
