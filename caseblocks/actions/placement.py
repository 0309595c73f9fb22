"""Finding an action form on the live, public pages by its ``action_id``."""

from dataclasses import dataclass

from django.db import transaction

from wagtail.fields import StreamField

from caseblocks.blocks import ActionFormBlock
from caseblocks.models import PlacedAction

ACTION_FORM = ActionFormBlock()


class ActionNotFound(Exception):
    """No live, public page carries this action."""


@dataclass(frozen=True)
class Placement:
    action_id: str
    page: object  # the live page (a wagtailcore Page)
    block: ActionFormBlock
    value: object  # the block's StructValue, as published on ``page``

    @property
    def language(self):
        return self.page.locale.language_code

    def is_open(self, now=None):
        return self.block.is_open(self.value, now)


def action_blocks(page):
    """Yield ``(block, value)`` for each action form in the page's stream fields.

    Action forms are top-level children of a page's StreamFields, as the page
    stream blocks in ``cms.blocks`` place them.
    """
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for child in getattr(page, field.name) or ():
            if isinstance(child.block, ActionFormBlock) and child.value["action_id"]:
                yield child.block, child.value


def refresh_placements(page):
    """Make the ``PlacedAction`` rows of ``page`` match its published body."""
    rows = [
        PlacedAction(
            action_id=value["action_id"], page=page, value=block.get_prep_value(value)
        )
        for block, value in action_blocks(page.specific)
    ]
    with transaction.atomic():
        PlacedAction.objects.filter(page=page).delete()
        PlacedAction.objects.bulk_create(rows, ignore_conflicts=True)


def remove_placements(page):
    PlacedAction.objects.filter(page=page).delete()


def find_action(action_id, language=None):
    """The placement of ``action_id`` on a live, public page, or ActionNotFound.

    Every language version of a page carries the same action; the version in
    ``language`` is preferred, then the oldest page. Drafts never count: the
    value is the one stored when the page was last published.
    """
    placements = PlacedAction.objects.filter(
        action_id=action_id, page__live=True
    ).select_related("page__locale")
    ordered = sorted(
        placements,
        key=lambda p: (p.page.locale.language_code != language, p.page_id),
    )
    for placement in ordered:
        if not placement.page.get_view_restrictions().exists():
            value = ACTION_FORM.to_python(placement.value)
            return Placement(action_id, placement.page, ACTION_FORM, value)
    raise ActionNotFound(action_id)
