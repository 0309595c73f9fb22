"""Shared pieces for the case blocks: validators and value helpers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.blocks import StructBlockValidationError

# ITU-T E.164: a plus, a country code that does not start with 0, at most 15 digits.
# Editors paste numbers with spaces, dots, dashes and brackets; those are ignored.
FAX_SEPARATORS = re.compile(r"[\s().-]")
E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def normalise_fax(value):
    """Return ``value`` in E.164 form, or raise ValidationError with an editor's message."""
    compact = FAX_SEPARATORS.sub("", value or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not E164.match(compact):
        raise ValidationError(
            _(
                "Enter the fax number in international format, starting with + and "
                "the country code, for example +996 312 625012."
            ),
            code="invalid_fax",
        )
    return compact


def raise_for_children(errors):
    """Raise a StructBlockValidationError if ``errors`` (child name → message) has any."""
    if errors:
        raise StructBlockValidationError(
            block_errors={
                name: ValidationError(message) for name, message in errors.items()
            }
        )


def iso_or_none(value):
    return value.isoformat() if value else None
