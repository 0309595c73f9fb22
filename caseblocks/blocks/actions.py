"""The action form: supporters e-mail a list of targets, or sign a petition."""

import uuid

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import schemas
from .base import TranslatableChildrenMixin, raise_for_children


class ActionKind:
    EMAIL = "email"
    PETITION = "petition"
    CHOICES = [(EMAIL, _("E-mail the targets")), (PETITION, _("Petition"))]


class ActionTargetBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Name"), max_length=255, help_text=_("Person or office, as addressed.")
    )
    email = blocks.EmailBlock(label=_("E-mail"))

    class Meta:
        icon = "user"
        label = _("Target")


class ActionFormBlock(TranslatableChildrenMixin, blocks.StructBlock):
    """An action that supporters take through the front-end.

    ``action_id`` identifies the action for good: submissions, counters and delivery
    hang off it. It is made once, when the block is first saved, and kept through
    edits and translations, so every language version of a page collects into the
    same action.
    """

    action_id = blocks.CharBlock(
        required=False,
        max_length=64,
        label=_("Action identifier"),
        help_text=_(
            "Set automatically when first saved. Leave it as it is: supporters' "
            "submissions are counted against it."
        ),
    )
    kind = blocks.ChoiceBlock(
        label=_("Kind of action"), choices=ActionKind.CHOICES, default=ActionKind.EMAIL
    )
    targets = blocks.ListBlock(
        ActionTargetBlock(),
        label=_("Targets"),
        default=[],
        help_text=_("Who receives the supporters' messages. Needed to e-mail targets."),
    )
    subject = blocks.CharBlock(label=_("Subject"), max_length=255, required=False)
    suggested_message = blocks.TextBlock(
        label=_("Suggested message"),
        help_text=_("The message supporters start from; they may change it."),
    )
    consent_text = blocks.TextBlock(
        label=_("Consent wording"),
        help_text=_(
            "What supporters agree to by taking part. Stored with each submission."
        ),
    )
    goal = blocks.IntegerBlock(
        label=_("Goal"),
        required=False,
        min_value=1,
        help_text=_("How many supporters the campaign aims for."),
    )
    opens_at = blocks.DateTimeBlock(
        label=_("Opens at"), required=False, help_text=_("Empty: open at once.")
    )
    closes_at = blocks.DateTimeBlock(
        label=_("Closes at"), required=False, help_text=_("Empty: no closing time.")
    )
    confirmation_text = blocks.TextBlock(
        label=_("Thank-you text"),
        help_text=_("Shown to a supporter after they have taken part."),
    )
    closed_text = blocks.TextBlock(
        label=_("Closed text"),
        help_text=_("Shown instead of the form once the action is closed."),
    )

    # Targets, kind, goal, times and the action identifier are shared by every
    # language version, so all of them collect into the same action.
    translatable_children = (
        "subject",
        "suggested_message",
        "consent_text",
        "confirmation_text",
        "closed_text",
    )

    api_schema = schemas.ActionFormValue

    class Meta:
        icon = "form"
        label = _("Action form")
        description = _("Supporters e-mail a list of targets or sign a petition")
        preview_value = {
            "kind": ActionKind.EMAIL,
            "targets": [{"name": "Press office", "email": "press@example.org"}],
            "subject": "Free Erzhan Elshibayev",
            "suggested_message": "I call on you to release Erzhan Elshibayev.",
            "consent_text": "I agree that my name is sent with this message.",
            "goal": 10000,
            "confirmation_text": "Thank you: your message is on its way.",
            "closed_text": "This campaign is concluded.",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value["action_id"]:
            value["action_id"] = uuid.uuid4().hex
        if value["kind"] == ActionKind.EMAIL:
            if not value["targets"]:
                errors["targets"] = _("Add at least one target to e-mail.")
            if not value["subject"]:
                errors["subject"] = _("An e-mail to targets needs a subject.")
        opens, closes = value["opens_at"], value["closes_at"]
        if opens and closes and closes <= opens:
            errors["closes_at"] = _(
                "The closing time must come after the opening time."
            )
        raise_for_children(errors)
        return value

    @staticmethod
    def is_open(value, now=None):
        now = now or timezone.now()
        opens, closes = value.get("opens_at"), value.get("closes_at")
        return (opens is None or opens <= now) and (closes is None or now < closes)

    def get_api_representation(self, value, context=None):
        return {
            "action_id": value["action_id"],
            "kind": value["kind"],
            "targets": [
                {"name": target["name"], "email": target["email"]}
                for target in value["targets"]
            ],
            "subject": value["subject"],
            "suggested_message": value["suggested_message"],
            "consent_text": value["consent_text"],
            "goal": value["goal"],
            "opens_at": value["opens_at"].isoformat() if value["opens_at"] else None,
            "closes_at": value["closes_at"].isoformat() if value["closes_at"] else None,
            "is_open": self.is_open(value),
            "confirmation_text": value["confirmation_text"],
            "closed_text": value["closed_text"],
        }
