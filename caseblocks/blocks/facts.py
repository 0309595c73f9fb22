import datetime

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import schemas
from .base import PREVIEW_TEMPLATE, CaseStructBlock, raise_for_children


def require_items(value, name, message):
    """Refuse an empty list child ``name`` with ``message``, which says what to do.

    Said before Wagtail's own "The minimum number of items is 1".
    """
    if not value[name]:
        raise_for_children({name: message})


class KeyFactBlock(CaseStructBlock):
    label = blocks.CharBlock(
        label=_("Label"), max_length=100, help_text=_("For example 'Sentence'.")
    )
    value = blocks.CharBlock(
        label=_("Value"),
        max_length=255,
        help_text=_("For example 'Life imprisonment'."),
    )

    translatable_children = ("label", "value")
    searchable_children = ("label", "value")

    api_schema = schemas.KeyFactValue

    class Meta:
        icon = "list-ul"
        label = _("Fact")


class KeyFactsBlock(CaseStructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=255, required=False)
    facts = blocks.ListBlock(KeyFactBlock(), label=_("Facts"), min_num=1)

    translatable_children = ("heading", "facts")
    searchable_children = ("heading", "facts")

    api_schema = schemas.KeyFactsValue

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        description = _(
            "A short list of labelled facts a reader takes in at a glance: "
            "sentence, where the person is held, profession."
        )
        template = "caseblocks/blocks/key_facts.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "At a glance",
            "facts": [
                {"label": "Sentence", "value": "Life imprisonment"},
                {"label": "Held in", "value": "Prison No. 47, Bishkek"},
                {"label": "Organisation", "value": "Vozdukh (Air)"},
            ],
        }

    def clean(self, value):
        require_items(
            value,
            "facts",
            _("Add a fact with a label and a value, or remove this block."),
        )
        return super().clean(value)


class DatePrecision:
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    CHOICES = [(DAY, _("Day")), (MONTH, _("Month")), (YEAR, _("Year"))]


class TimelineEventBlock(CaseStructBlock):
    date = blocks.DateBlock(label=_("Date"))
    precision = blocks.ChoiceBlock(
        label=_("Date precision"),
        choices=DatePrecision.CHOICES,
        default=DatePrecision.DAY,
        help_text=_("How much of the date is known: 'May 2005' is month precision."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    description = blocks.TextBlock(label=_("Description"), required=False)

    # The date and its precision are facts of the case, the same in every language.
    translatable_children = ("title", "description")
    searchable_children = ("title", "description")

    api_schema = schemas.TimelineEventValue

    class Meta:
        icon = "date"
        label = _("Event")


class TimelineBlock(CaseStructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=255, required=False)
    events = blocks.ListBlock(TimelineEventBlock(), label=_("Events"), min_num=1)

    translatable_children = ("heading", "events")
    searchable_children = ("heading", "events")

    api_schema = schemas.TimelineValue

    class Meta:
        icon = "history"
        label = _("Timeline")
        description = _(
            "The dated events of a case (arrest, charges, trial, appeal), shown "
            "oldest first, each as precisely as its date is known."
        )
        template = "caseblocks/blocks/timeline.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Timeline",
            "events": [
                {
                    "date": datetime.date(2010, 6, 15),
                    "precision": DatePrecision.DAY,
                    "title": "Detained",
                },
                {
                    "date": datetime.date(2010, 8, 1),
                    "precision": DatePrecision.MONTH,
                    "title": "Charged",
                    "description": "Among the charges: possessing ammunition.",
                },
                {
                    "date": datetime.date(2011, 12, 1),
                    "precision": DatePrecision.MONTH,
                    "title": "Life sentence upheld",
                },
            ],
        }

    def clean(self, value):
        require_items(
            value,
            "events",
            _("Add an event with its date and title, or remove this block."),
        )
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["events"] = sorted(value["events"], key=lambda event: event["date"])
        return context

    def api_value(self, value, context=None):
        events = sorted(value["events"], key=lambda event: event["date"])
        return {"heading": value["heading"], "events": events}
