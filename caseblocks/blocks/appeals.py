from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import schemas
from .base import PREVIEW_TEMPLATE, CaseStructBlock, normalise_fax, raise_for_children
from .letters import letter_links


class AppealAddressBlock(CaseStructBlock):
    """Where supporters post, fax or e-mail their appeal.

    The postal details are sent as written, in the script the post office reads;
    only the salutation and the ask are for translators.
    """

    recipient = blocks.CharBlock(
        label=_("Recipient"), max_length=255, help_text=_("The person to write to.")
    )
    position = blocks.CharBlock(
        label=_("Position"),
        max_length=255,
        required=False,
        help_text=_("For example 'President of Kyrgyzstan'."),
    )
    organisation = blocks.CharBlock(
        label=_("Organisation"), max_length=255, required=False
    )
    address_lines = blocks.TextBlock(
        label=_("Address"),
        help_text=_("The street address, one line per line of the envelope."),
    )
    city = blocks.CharBlock(label=_("City"), max_length=255)
    postcode = blocks.CharBlock(label=_("Postcode"), max_length=32, required=False)
    country = blocks.CharBlock(
        label=_("Country"),
        max_length=255,
        help_text=_("As it should be written on the envelope."),
    )
    fax = blocks.CharBlock(
        label=_("Fax"),
        max_length=32,
        required=False,
        help_text=_("International format, for example +996 312 625012."),
    )
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    salutation = blocks.CharBlock(
        label=_("Salutation"),
        max_length=255,
        help_text=_("For example 'Dear President'."),
    )
    ask = blocks.TextBlock(
        label=_("Ask"),
        help_text=_("What the letter asks for, in a sentence or two."),
    )

    offer_letter = blocks.BooleanBlock(
        label=_("Offer a letter to print"),
        required=False,
        default=True,
        help_text=_(
            "Supporters can download this appeal as a letter, addressed for a "
            "window envelope, to sign and post."
        ),
    )

    # The postal details go out as written, in the script the post office reads.
    translatable_children = ("salutation", "ask")
    # Who is written to and what for; never the fax, e-mail or postal address.
    searchable_children = ("recipient", "position", "organisation", "ask")

    api_schema = schemas.AppealAddressValue
    # Offering a letter shows as the letter's links (null when none is offered).
    api_renamed_children = {"offer_letter": "letter"}

    class Meta:
        icon = "mail"
        label = _("Appeal address")
        description = _(
            "The envelope supporters write to: recipient, postal address, fax and "
            "e-mail, with the salutation and what the letter asks for. The address "
            "is sent as written; translators translate only the salutation and ask."
        )
        template = "caseblocks/blocks/appeal_address.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "recipient": "Almazbek Atambaev",
            "position": "President",
            "organisation": "Office of the President",
            "address_lines": "Government House\n205 Chui Avenue",
            "city": "Bishkek",
            "postcode": "720003",
            "country": "Kyrgyzstan",
            "fax": "+996312625012",
            "email": "",
            "salutation": "Dear President",
            "ask": "Release Azimjan Askarov immediately and unconditionally.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value["fax"]:
            try:
                value["fax"] = normalise_fax(value["fax"])
            except ValidationError as error:
                raise_for_children({"fax": error.messages[0]})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["address"] = self.get_api_representation(value, parent_context)
        return context

    def api_value(self, value, context=None):
        lines = [line.strip() for line in value["address_lines"].splitlines()]
        return {
            **super().api_value(
                {**value, "letter": letter_links(self, value, context)}
            ),
            "address_lines": [line for line in lines if line],
        }

    @staticmethod
    def offers_letter(value):
        # Stored before the option existed: offered.
        return value.get("offer_letter") is not False
