"""The one content event: what a visitor can read has changed.

Core sends ``content_changed`` once per change, after the transaction that made
it commits, with a ``ContentChange`` saying what happened and to which pages.
Everything that keeps a copy of public content (the API caches, the CDN purge,
search, action placements, translation sync, publish webhooks) subscribes to
this one signal instead of to Wagtail's, so each stays removable and all of
them hear the same thing::

    from cms.lifecycle import content_changed

    def forget_on_change(sender, change, **kwargs):
        for page_id in change.page_ids:
            ...

    content_changed.connect(forget_on_change, dispatch_uid="myapp_forget")

A subscriber must not raise: one failing subscriber must not keep the others
from hearing the change. Slow work belongs in a task the subscriber enqueues.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.db import transaction
from django.dispatch import Signal

content_changed = Signal()


class Change(StrEnum):
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"
    MOVED = "moved"
    DELETED = "deleted"
    RESTRICTED = "restricted"
    UNRESTRICTED = "unrestricted"
    SITE = "site"
    LOCALE = "locale"
    SNIPPET = "snippet"


@dataclass(frozen=True)
class ContentChange:
    """What changed: ``kind``, and the pages a visitor may now read differently.

    ``page_ids`` holds every affected page, descendants included for a move or
    a restriction. ``snippet`` names the changed snippet model (``"app.Model"``)
    for ``Change.SNIPPET``. ``paths`` maps page ids to their public paths before
    the change, for pages whose path moved or that are gone.
    """

    kind: Change
    page_ids: frozenset[int] = frozenset()
    snippet: str = ""
    paths: dict[int, str] = field(default_factory=dict)


def announce(change):
    """Send ``change`` to every subscriber once the current transaction commits."""
    transaction.on_commit(
        lambda: content_changed.send_robust(sender=ContentChange, change=change)
    )
