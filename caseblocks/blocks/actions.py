"""The action form: supporters e-mail a list of targets, or sign a petition."""

import uuid
from urllib.parse import quote

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from . import schemas
from .base import PREVIEW_TEMPLATE, CaseStructBlock, raise_for_children


class ActionState:
    """What a reader finds an action in, from its times and its page's campaign."""

    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


class ActionKind:
    EMAIL = "email"
    PETITION = "petition"
    # Supporters say they posted the page's printed letter (an appeal address).
    LETTER = "letter"
    CHOICES = [
        (EMAIL, _("E-mail the targets")),
        (PETITION, _("Petition")),
        (LETTER, _("Pledge to post the letter")),
    ]


class ActionFormBlock(CaseStructBlock):
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
        # A managed record, chosen, never typed: editors and translators pick
        # among the targets that staff trusted with them keep.
        SnippetChooserBlock("caseblocks.ActionTarget", icon="user", label=_("Target")),
        label=_("Targets"),
        default=[],
        help_text=_(
            "Who receives the supporters' messages. Needed to e-mail targets. "
            "Only the source page's targets are used, in every language."
        ),
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
    confirm_by_email = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("Supporters confirm by e-mail"),
        help_text=_(
            "Recommended. A submission counts, and its messages go out, only once "
            "the supporter follows the link e-mailed to them. Switched off, anyone "
            "can take part and send messages in someone else's name, and the count "
            "shown to the public is only refreshed every few minutes, so that it "
            "does not tell at once whether an address had taken part; comparing "
            "it before and after still can. Staff reports stay exact."
        ),
    )
    confirmation_text = blocks.TextBlock(
        label=_("Thank-you text"),
        help_text=_(
            "Shown to a supporter after they have sent the form (with confirmation: "
            "ask them to look for the e-mail)."
        ),
    )
    closed_text = blocks.TextBlock(
        label=_("Closed text"),
        help_text=_("Shown instead of the form once the action is closed."),
    )

    # Targets, kind, goal, times, confirmation and the action identifier are
    # shared by every language version, so all of them collect into the same
    # action. Sync can be stopped, so delivery reads the targets of the source
    # page only (``caseblocks.actions.placement``), whatever a translation holds.
    translatable_children = (
        "subject",
        "suggested_message",
        "consent_text",
        "confirmation_text",
        "closed_text",
    )
    # What the action is about; not the consent and thank-you wording.
    searchable_children = ("subject", "suggested_message")

    api_schema = schemas.ActionFormValue

    class Meta:
        icon = "form"
        label = _("Action form")
        description = _(
            "What supporters do: e-mail a list of targets with a message they may "
            "change, or sign a petition. Give a subject and at least one target for "
            "e-mail; a goal and closing time are optional."
        )
        template = "caseblocks/blocks/action_form.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            # A stored action always has its identifier (``clean`` makes one).
            "action_id": "preview",
            "kind": ActionKind.EMAIL,
            "targets": [],
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
            if not [target for target in value["targets"] if target]:
                errors["targets"] = _("Add at least one target to e-mail.")
            if not value["subject"]:
                errors["subject"] = _(
                    "Give the e-mail to targets a subject, or choose Petition."
                )
        opens, closes = value["opens_at"], value["closes_at"]
        if opens and closes and closes <= opens:
            errors["closes_at"] = _(
                "The closing time must come after the opening time."
            )
        raise_for_children(errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = context.get("page")
        context["state"] = self.state(value, getattr(page, "campaign_is_open", True))
        context["targets"] = targets = self.recipients(value, page)
        if value["kind"] == ActionKind.EMAIL and targets:
            context["mailto"] = self.mailto(value, targets)
        return context

    @staticmethod
    def recipients(value, page=None):
        """Whom messages go to, as ``{"id", "name", "position", "email", "country"}``.

        On a translation, the live source page's targets, whatever the
        translation holds (``caseblocks.actions.targets``): whoever can edit a
        translation must not be able to show, or ``mailto:``, an address of their
        own. On a source page, or outside a page, the value's own chosen records.
        """
        if getattr(page, "pk", None):
            from caseblocks.actions.placement import ActionNotFound, find_action
            from caseblocks.actions.targets import source_page_id

            if source_page_id(page) != page.pk:
                try:
                    return find_action(value["action_id"]).value["targets"]
                except ActionNotFound:
                    return []  # the source is not live: nothing is sent yet
        # A record deleted since the page was saved reads as None: left out.
        return [target.as_recipient() for target in value["targets"] if target]

    @classmethod
    def state(cls, value, campaign_open=True, now=None):
        now = now or timezone.now()
        if not campaign_open or not cls.is_open(value, now):
            opens = value.get("opens_at")
            if campaign_open and opens and now < opens:
                return ActionState.NOT_YET_OPEN
            return ActionState.CLOSED
        return ActionState.OPEN

    @staticmethod
    def mailto(value, targets):
        """A ``mailto:`` link to ``targets`` with the subject and message filled in."""
        to = ",".join(quote(target["email"], safe="@") for target in targets)
        subject = quote(value["subject"] or "", safe="")
        body = quote(value["suggested_message"] or "", safe="")
        return f"mailto:{to}?subject={subject}&body={body}"

    @staticmethod
    def asks_confirmation(value):
        # Stored before the option existed: confirmation, the safe default.
        return value.get("confirm_by_email") is not False

    @staticmethod
    def is_open(value, now=None):
        now = now or timezone.now()
        opens, closes = value.get("opens_at"), value.get("closes_at")
        return (opens is None or opens <= now) and (closes is None or now < closes)

    def api_value(self, value, context=None):
        from cms.api import tags

        tags.add(tags.snippet_tag("caseblocks.ActionTarget"))  # the targets shown
        return {
            **super().api_value({**value, "is_open": self.is_open(value)}),
            "targets": self.recipients(value, (context or {}).get("page")),
        }
