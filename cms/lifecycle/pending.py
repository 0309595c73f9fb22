"""Changes noted during a transaction, sent once it commits: one event per kind.

Each noted change registers its own ``on_commit`` callback, so a savepoint that
rolls back drops the callbacks registered inside it, as Django does, and with
them the changes they carry. The first surviving callback to run sends its
change and every surviving one noted after it, merged by kind; the others find
nothing left. A callback is known to survive while it is still referenced: Django
drops rolled-back callbacks from its list, which frees them at once, so the
registry below holds them only weakly.
"""

import weakref

from django.db import transaction

from .events import ContentChange, content_changed, content_changing


class _Announcement:
    """The on-commit callback of one noted change."""

    __slots__ = ("__weakref__", "change", "connection", "sent")

    def __init__(self, connection, change):
        self.connection = connection
        self.change = change
        self.sent = False

    def __call__(self):
        if not self.sent:
            send_pending(self.connection, self)


def _registry(connection):
    try:
        return connection.lifecycle_pending
    except AttributeError:
        connection.lifecycle_pending = []
        return connection.lifecycle_pending


def merge(changes):
    """``changes`` merged into one per kind (and snippet model), in first-seen order."""
    merged = {}
    for change in changes:
        key = (change.kind, change.snippet)
        merged[key] = merged[key].merged(change) if key in merged else change
    return list(merged.values())


def send_pending(connection, first):
    """Send ``first`` and every surviving change noted after it, merged by kind.

    Django runs a commit's callbacks in the order they were registered, so the
    first to run is the earliest surviving one, and those after it belong to the
    same transaction.
    """
    registry = _registry(connection)
    alive = [a for a in (ref() for ref in registry) if a is not None and not a.sent]
    waiting = alive[alive.index(first) :]
    for announcement in waiting:
        announcement.sent = True
    registry[:] = [weakref.ref(a) for a in alive if not a.sent]
    changes = merge(a.change for a in waiting)
    for position, change in enumerate(changes):
        content_changed.send_robust(
            sender=ContentChange, change=change, earlier=changes[:position]
        )


def uncommitted(connection=None):
    """Whether changes noted on ``connection`` (the default one) still wait for
    their transaction to commit.

    A rolled-back savepoint or transaction drops its changes from the answer,
    as it drops their callbacks.
    """
    connection = connection or transaction.get_connection()
    # Read from Django's own list, not from the registry: an announcement rolled
    # back may outlive its transaction a while (a traceback can hold it), and
    # the registry would still hold it.
    return any(
        isinstance(callback, _Announcement) and not callback.sent
        for _savepoints, callback, _robust in connection.run_on_commit
    )


def note(change, pages=(), user=None):
    """Note ``change``: ``content_changing`` now, ``content_changed`` after the commit.

    Outside a transaction (autocommit) the change is sent at once.
    """
    content_changing.send(
        sender=ContentChange, change=change, pages=list(pages), user=user
    )
    connection = transaction.get_connection()
    announcement = _Announcement(connection, change)
    _registry(connection).append(weakref.ref(announcement))
    transaction.on_commit(announcement)


def announce(change):
    """Send ``change`` to every subscriber once the current transaction commits."""
    note(change)
