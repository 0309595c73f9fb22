"""Keep the index in step: subscribed to the content event (``cms.lifecycle``).

A subscriber reads nothing from the database: it enqueues ``(app_label,
model_name, pk)`` tasks, and each task re-reads the stored page and decides from
it. A published or unpublished page is synced; a deleted page is removed; a
moved, restricted or unrestricted subtree is re-decided from its top page.
"""

import logging

from django.apps import apps

from cms.lifecycle import Change, content_changed

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


def enqueue_tasks_on_change(sender, change, earlier=(), **kwargs):
    if not autosync_on():
        return
    from .tasks import TASKS_BY_ACTION

    # Each page once per commit: a deleted page was unpublished first.
    done = {(action, pk) for other in earlier for action, _, pk in tasks_for(other)}
    for action, label, pk in tasks_for(change):
        if (action, pk) in done:
            continue
        app_label, model_name = label.split(".")
        try:
            TASKS_BY_ACTION[action].enqueue(app_label, model_name, str(pk))
        except Exception:
            # The page is published by now: a queue that cannot take the task is
            # logged, never turned into a failed request.
            logger.exception("Could not enqueue search %s of page %s", action, pk)


def register_subscribers():
    content_changed.connect(enqueue_tasks_on_change, dispatch_uid="search.index")
