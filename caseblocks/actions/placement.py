"""Finding an action form on the live, public pages by its ``action_id``.

Every submission starts here, so the answer is kept in Django's cache (shared by
every process when it is Redis) and forgotten whenever it may change: a page is
published, unpublished, deleted or moved, or a view restriction is added or
removed (``caseblocks.subscribers``). ``PLACEMENT_CACHE_TIMEOUT`` bounds how
long a change made by other means, such as a raw SQL update, can go unseen.
"""

import hashlib
from dataclasses import dataclass
from functools import partial

from django.core.cache import cache
from django.db import transaction

from wagtail.fields import StreamField

from caseblocks.blocks import ActionFormBlock
from caseblocks.conf import get_setting
from caseblocks.models import ActionCounter, PlacedAction
from cms.visibility import visible_pages

from . import ratelimits
from .targets import recipients, source_page_id

ACTION_FORM = ActionFormBlock()
CACHE_PREFIX = "caseblocks:placements:"


class ActionNotFound(Exception):
    """No live, public page carries this action."""


@dataclass(frozen=True)
class Placement:
    action_id: str
    page_id: int  # the live page the value was published on
    language: str
    # The block's StructValue as published on the page, except ``targets``: the
    # source page's, as ``{"id", "name", "position", "email", "country"}`` dicts.
    value: object
    campaign_open: bool = True
    campaign_closed_text: str = ""
    # True if any language version asks for it: a translation cannot switch it off.
    confirm_by_email: bool = True

    block = ACTION_FORM

    def is_open(self, now=None):
        return self.campaign_open and self.block.is_open(self.value, now)

    @property
    def closed_text(self):
        """The page's text once its campaign has ended, else the block's own."""
        if not self.campaign_open and self.campaign_closed_text:
            return self.campaign_closed_text
        return self.value["closed_text"]


def action_blocks(page):
    """Yield ``(block, value)`` for each action form in the page's stream fields.

    Action forms are top-level children of a page's StreamFields, as the page
    stream blocks in ``cms.blocks`` place them. Only they are made from the
    stored data (``blocks_by_name``): a publish reads the page's forms without
    building the rest of its body. A stream with several kinds of action form
    yields them kind by kind, each in the stream's order.
    """
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        names = [
            name
            for name, block in field.stream_block.child_blocks.items()
            if isinstance(block, ActionFormBlock)
        ]
        stream = getattr(page, field.name) if names else None
        if not stream:
            continue
        found = stream.blocks_by_name()
        for name in names:
            for child in found[name]:
                if child.value["action_id"]:
                    yield child.block, child.value


def refresh_placements(page):
    """Make the ``PlacedAction`` rows of ``page`` match its published body.

    The campaign's state is read from the page's ``campaign_is_open`` and
    ``campaign_closed_text`` attributes, when it has them: any page type may
    close its actions this way.
    """
    page = page.specific
    campaign = {
        "campaign_open": getattr(page, "campaign_is_open", True),
        "campaign_closed_text": getattr(page, "campaign_closed_text", "") or "",
    }
    rows = [
        PlacedAction(
            action_id=value["action_id"],
            page=page,
            value=block.get_prep_value(value),
            **campaign,
        )
        for block, value in action_blocks(page)
    ]
    if not rows and not PlacedAction.objects.filter(page=page).exists():
        # Most pages carry no action form: one read, and no write to commit.
        return
    # An identifier already placed by pages outside this page's translation
    # group stays theirs: typing it into another page takes no action over.
    taken = set(
        PlacedAction.objects.filter(action_id__in=[row.action_id for row in rows])
        .exclude(page__translation_key=page.translation_key)
        .values_list("action_id", flat=True)
    )
    rows = [row for row in rows if row.action_id not in taken]
    with transaction.atomic():
        remove_placements(page)
        PlacedAction.objects.bulk_create(rows, ignore_conflicts=True)
        # The counter's rows exist before the first submission, which then only
        # has to add itself to one.
        ActionCounter.objects.bulk_create(
            [
                ActionCounter(action_id=row.action_id, shard=shard)
                for row in rows
                for shard in range(ActionCounter.SHARDS)
            ],
            ignore_conflicts=True,
        )
        forget_placements(row.action_id for row in rows)


def remove_placements(page):
    placed = PlacedAction.objects.filter(page=page)
    forget_placements(placed.values_list("action_id", flat=True))
    placed.delete()


def cache_key(action_id):
    # Hashed: an identifier from a URL may hold what a cache key must not.
    digest = hashlib.blake2s(action_id.encode(), digest_size=16).hexdigest()
    return CACHE_PREFIX + digest


def forget_placements(action_ids):
    """Drop the cached lookups of ``action_ids``, now and when the change commits.

    Forgetting again after the commit covers a request that read the old rows
    while the change was being made.
    """
    keys = [cache_key(action_id) for action_id in set(action_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(partial(cache.delete_many, keys))


def forget_placements_of(page_ids):
    """Drop the cached lookups of every action placed on ``page_ids``."""
    placed = PlacedAction.objects.filter(page_id__in=page_ids)
    forget_placements(placed.values_list("action_id", flat=True))


def forget_placements_under(page):
    """Drop the cached lookups of every action on ``page`` and below it."""
    placed = PlacedAction.objects.filter(page__path__startswith=page.path)
    forget_placements(placed.values_list("action_id", flat=True))


def public_placements(action_id):
    """The stored placements of ``action_id`` on live, public pages, as plain dicts.

    Oldest page first. Drafts never count: the value is the one stored when the
    page was last published. Each carries the ``targets`` of the action's
    source page (``caseblocks.actions.targets``), whatever its own value holds;
    an action whose source page is not live has none, and is not found.
    """
    placements = list(
        PlacedAction.objects.filter(
            action_id=action_id, page__in=visible_pages().values("pk")
        )
        .select_related("page__locale")
        .order_by("page_id")
    )
    if not placements:
        return []
    # The oldest page's translation group owns the action: another page given
    # the same identifier by hand collects nothing.
    home = placements[0].page.translation_key
    placements = [p for p in placements if p.page.translation_key == home]
    source_id = source_page_id(placements[0].page)
    source = next((p for p in placements if p.page_id == source_id), None)
    if source is None:
        return []
    targets = recipients(source.value.get("targets"))
    return [
        {
            "page_id": placement.page_id,
            "language": placement.page.locale.language_code,
            "value": placement.value,
            "targets": targets,
            "campaign_open": placement.campaign_open,
            "campaign_closed_text": placement.campaign_closed_text,
            "source": placement.page_id == source_id,
        }
        for placement in placements
    ]


def find_action(action_id, language=None):
    """The placement of ``action_id`` on a live, public page, or ActionNotFound.

    Every language version of a page carries the same action; the version in
    ``language`` is preferred, then the version of the page the others were
    translated from (its source page), whatever their ages.
    """
    key = cache_key(action_id)
    found = cache.get(key)
    if found is None:
        found = public_placements(action_id)
        cache.set(key, found, get_setting("PLACEMENT_CACHE_TIMEOUT"))
    return placement_in(found, action_id, language)


def find_action_and_count(action_id, language, identities, flag):
    """``find_action``, ``ratelimits.hit_scopes(identities)`` and adding ``flag``
    (``(key, seconds)``), in one cache round trip when the lookup is cached (as
    it is for every submission but the first after a change).

    Return ``(placement, waits, attempt, flag_added)``; ``flag_added`` is None
    when the flag was left for the caller to add. ``ratelimits.give_back(attempt)``
    uncounts the attempt. An action that is not found counts nothing, so no
    made-up action can use up an address's allowance.
    """
    found, waits, attempt, added = ratelimits.hit_scopes_if_cached(
        identities, cache_key(action_id), absent=[], flag=flag
    )
    if found is None:
        placement = find_action(action_id, language)
        attempt = ratelimits.Attempt(identities)
        return placement, attempt.count(), attempt, None
    return placement_in(found, action_id, language), waits, attempt, added


def placement_in(found, action_id, language):
    """The ``Placement`` in ``language`` among ``found`` (``public_placements``)."""
    if not found:
        raise ActionNotFound(action_id)
    chosen = next(
        (p for p in found if p["language"] == language),
        next((p for p in found if p.get("source")), found[0]),
    )
    remembered = made.get((action_id, chosen["page_id"]))
    if remembered is not None and remembered[0] == found:
        return remembered[1]
    # The stored targets of this version are never read: the source's, already
    # resolved to plain dicts, take their place (no query per request).
    value = ACTION_FORM.to_python({**chosen["value"], "targets": []})
    value["targets"] = chosen["targets"]
    placement = Placement(
        action_id=action_id,
        page_id=chosen["page_id"],
        language=chosen["language"],
        value=value,
        campaign_open=chosen["campaign_open"],
        campaign_closed_text=chosen["campaign_closed_text"],
        confirm_by_email=any(
            ACTION_FORM.asks_confirmation(placed["value"]) for placed in found
        ),
    )
    if len(made) >= MADE_LIMIT:
        made.clear()
    made[(action_id, chosen["page_id"])] = (found, placement)
    return placement


# ``{(action_id, page_id): (lookup, Placement)}``: the placements this process
# last made, reused while the shared cache's lookup is the same (a block's
# ``to_python`` measured most of the cost of finding a cached action). Only
# ever read back for an equal lookup, so it cannot outlive a change.
made = {}
MADE_LIMIT = 1000
