"""Validation of a supporter's submission, field by field."""

from django_countries import countries

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from caseblocks.conf import get_setting

from .identity import clean_address, has_control_characters


class StrictBooleanField(forms.Field):
    """A JSON ``true`` or ``false``, nothing else: consent is never inferred."""

    def __init__(self, *, must_be_true=False, **kwargs):
        self.must_be_true = must_be_true
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return False
        if not isinstance(value, bool):
            raise forms.ValidationError(_("Send true or false."), code="invalid")
        return value

    def validate(self, value):
        if self.must_be_true and value is not True:
            raise forms.ValidationError(
                _(
                    "Consent is needed to take part: send true once the supporter agrees."
                ),
                code="required",
            )


class TextField(forms.CharField):
    """A string; numbers and lists are refused rather than turned into text."""

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, str):
            raise forms.ValidationError(_("Send text."), code="invalid")
        return super().to_python(value)


class LineField(TextField):
    """One line of text: control characters and line separators are refused.

    What a supporter types here can reach a mail header (Reply-To carries the
    name and address), a log line or a staff screen, where a line break would
    start a header of the outsider's choosing.
    """

    def validate(self, value):
        super().validate(value)
        if has_control_characters(value):
            raise forms.ValidationError(
                _("Remove line breaks and other control characters."),
                code="control_characters",
            )


class SubmissionForm(forms.Form):
    name = LineField(max_length=200)
    email = TextField(max_length=254)
    country = LineField(max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    message = TextField(required=False, strip=True)
    consent = StrictBooleanField(must_be_true=True, required=False)
    newsletter = StrictBooleanField(required=False)
    # The honeypot: hidden from people, so only a robot fills it in.
    website = TextField(required=False, strip=False)
    captcha_token = LineField(required=False, max_length=4096)
    language = LineField(required=False, max_length=16)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = get_setting("MESSAGE_MAX_LENGTH")
        self.fields["message"].validators.append(MaxLengthValidator(limit))

    def clean_email(self):
        """The one rule of ``identity.clean_address``: ASCII local part, IDNA domain."""
        return clean_address(self.cleaned_data["email"])

    def clean_country(self):
        code = self.cleaned_data["country"].upper()
        if not countries.alpha2(code):
            raise forms.ValidationError(
                _("Give the country as an ISO 3166 two-letter code, such as KZ."),
                code="invalid",
            )
        return code


def error_list(form):
    """``[{"field": ..., "message": ...}]`` for each error of a bound form."""
    return [
        {"field": "body" if field == "__all__" else field, "message": error["message"]}
        for field, errors in form.errors.get_json_data().items()
        for error in errors
    ]
