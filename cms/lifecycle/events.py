"""The content event: what a visitor can read has changed.

``content_changed`` is sent after the transaction that made the change commits,
once per kind of change, with a ``ContentChange`` naming every affected page.
Everything that keeps a copy of public content (the API caches, the CDN purge,
search, translation sync, publish webhooks, letters) subscribes to it instead
of to Wagtail's or Django's signals, so each stays removable and all of them
hear the same thing::

    from cms.lifecycle import content_changed

    def forget_on_change(sender, change, **kwargs):
        for page_id in change.page_ids:
            ...

    content_changed.connect(forget_on_change, dispatch_uid="myapp_forget")

The changes of one commit are sent one after the other; each comes with
``earlier``, the changes of the same commit already sent, so a subscriber doing
the same work for several kinds (a page unpublished, then deleted) does it once.

A subscriber must not raise: one failing subscriber must not keep the others
from hearing the change. Slow work belongs in a task the subscriber enqueues.

``content_changing`` is the before-commit hook, for the few subscribers that
must stay consistent with the commit itself (a lookup table written in the same
transaction, work that needs the publishing request's context). It is sent
synchronously, inside the transaction, each time a change is noted, with the
same ``change`` plus ``pages`` (the page instances the signal carried, when it
carried any) and ``user`` (who published, when known). What it writes commits
or rolls back with the change; an exception aborts the change.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.dispatch import Signal

content_changed = Signal()
content_changing = Signal()


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

    ``page_ids`` holds every affected page, descendants included for a move, a
    deletion or a restriction. ``roots`` holds, for those, the pages the change
    was made to (the tops of the affected subtrees). ``snippet`` names the
    changed snippet model (``"app.Model"``) for ``Change.SNIPPET``. ``paths``
    maps page ids to their public paths before the change, for public pages
    whose path moved or that are gone. ``models`` maps page ids to their
    specific page type (``"app_label.model_name"``) when the signal named it.

    ``memo`` is for subscribers: what one works out from the change when it is
    noted (``content_changing``) it keeps there, under a key of its own, and
    reuses after the commit (``content_changed``) instead of reading it again.
    A merged change starts with an empty memo, as its parts' values may differ.
    """

    kind: Change
    page_ids: frozenset[int] = frozenset()
    snippet: str = ""
    paths: dict[int, str] = field(default_factory=dict)
    roots: frozenset[int] = frozenset()
    models: dict[int, str] = field(default_factory=dict)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def merged(self, other):
        """This change and ``other`` (of the same kind and snippet) as one."""
        return ContentChange(
            kind=self.kind,
            page_ids=self.page_ids | other.page_ids,
            snippet=self.snippet,
            paths={**self.paths, **other.paths},
            roots=self.roots | other.roots,
            models={**self.models, **other.models},
        )
