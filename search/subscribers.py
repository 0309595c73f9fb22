"""Keep the index in step: subscribed to the content event (``cms.lifecycle``).

A subscriber reads nothing from the database: it enqueues ``(app_label,
model_name, pk)`` tasks, and each task re-reads the stored page and decides from
it. A published or unpublished page is synced; a deleted page is removed; a
moved, restricted or unrestricted subtree is re-decided from its top page.

When tasks queue in a table of the database the change is made in
(``django_tasks_db``'s ``DatabaseBackend`` writing through the same alias), the
task row is written inside the change's transaction (``content_changing``): it
commits with the publish instead of as a commit of its own, and a rollback,
a savepoint's included, takes it away with the change. Each page is queued once
per transaction, however many signals named it. Any other backend hears the
change after the commit (``content_changed``): an immediate task inside the
transaction would index what may still roll back, and a queue elsewhere would
hand a worker a page not yet committed.
"""

import logging

from django.apps import apps
from django.db import DatabaseError, router, transaction

from cms.lifecycle import Change, content_changed, content_changing

from .conf import get_setting
from .registry import registry

logger = logging.getLogger(__name__)

PAGE = "wagtailcore.page"
SYNCED = {Change.PUBLISHED, Change.UNPUBLISHED, Change.DELETED}
SUBTREES = {Change.MOVED, Change.RESTRICTED, Change.UNRESTRICTED}


def autosync_on():
    """Elasticsearch's indexes and the embedded index follow the same events."""
    return get_setting("AUTOSYNC")


def tasks_for(change):
    """``[(action, model label, pk)]`` to enqueue for ``change``."""
    if change.kind in SYNCED:
        labels = {pk: change.models.get(pk, PAGE) for pk in sorted(change.page_ids)}
        if change.kind == Change.PUBLISHED:
            # A published page of a type that is not indexed has nothing to add.
            labels = {
                pk: label
                for pk, label in labels.items()
                if apps.get_model(label) in registry
            }
        return [("sync", label, pk) for pk, label in labels.items()]
    if change.kind in SUBTREES:
        return [("subtree", PAGE, pk) for pk in sorted(change.roots)]
    return []


def queues_in_transaction(task_obj, alias):
    """Whether ``task_obj``'s row is written through the database alias ``alias``."""
    try:
        from django_tasks_db import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # django_tasks_db is optional
        return False
    return (
        isinstance(task_obj.get_backend(), DatabaseBackend)
        and router.db_for_write(DBTaskResult) == alias
    )


class _Queued:
    """An on-commit callback standing for one task row the transaction holds.

    Django drops the callbacks of a savepoint that rolls back, and all of them
    when the transaction ends, so the callbacks still waiting name exactly the
    rows the current transaction holds.
    """

    __slots__ = ("committed", "key")

    def __init__(self, key):
        self.key = key
        self.committed = False

    def __call__(self):
        self.committed = True


def queued_in_transaction(connection):
    """``{(action, pk)}`` of the tasks the current transaction has queued."""
    return {
        func.key
        for _sids, func, _robust in connection.run_on_commit
        if isinstance(func, _Queued) and not func.committed
    }


def enqueue(action, label, pk):
    from .tasks import TASKS_BY_ACTION

    app_label, model_name = label.split(".")
    TASKS_BY_ACTION[action].enqueue(app_label, model_name, str(pk))


def enqueue_tasks_when_noted(sender, change, **kwargs):
    """Write the task rows inside the change's transaction, when they queue there."""
    if not autosync_on():
        return
    from .tasks import TASKS_BY_ACTION

    connection = transaction.get_connection()
    done = queued_in_transaction(connection)
    for action, label, pk in tasks_for(change):
        if (action, pk) in done or not queues_in_transaction(
            TASKS_BY_ACTION[action], connection.alias
        ):
            continue
        try:
            enqueue(action, label, pk)
        except DatabaseError:
            raise  # the change's own transaction is failing: let it roll back
        except Exception:
            logger.exception("Could not enqueue search %s of page %s", action, pk)
            continue
        done.add((action, pk))
        transaction.on_commit(_Queued((action, pk)), using=connection.alias)


def enqueue_tasks_on_change(sender, change, earlier=(), **kwargs):
    if not autosync_on():
        return
    from .tasks import TASKS_BY_ACTION

    alias = transaction.get_connection().alias
    # Each page once per commit: a deleted page was unpublished first.
    done = {(action, pk) for other in earlier for action, _, pk in tasks_for(other)}
    for action, label, pk in tasks_for(change):
        if (action, pk) in done or queues_in_transaction(
            TASKS_BY_ACTION[action], alias
        ):
            continue  # queued with the change (enqueue_tasks_when_noted)
        try:
            enqueue(action, label, pk)
        except Exception:
            # The page is published by now: a queue that cannot take the task is
            # logged, never turned into a failed request.
            logger.exception("Could not enqueue search %s of page %s", action, pk)


def register_subscribers():
    content_changing.connect(enqueue_tasks_when_noted, dispatch_uid="search.queue")
    content_changed.connect(enqueue_tasks_on_change, dispatch_uid="search.index")
