"""Signals that keep the index in step: publish, unpublish, delete, move, privacy.

``post_save`` on pages is deliberately not used: it fires on draft saves while the
instance holds the draft. A handler reads nothing from the database: it records
``(action, app_label, model_name, pk)`` for the current transaction, and after the
commit each recorded page is enqueued once, however many signals named it. The task
re-reads the stored page and decides from it.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .conf import get_setting
from .registry import registry

logger = logging.getLogger(__name__)


def autosync_on():
    """Elasticsearch's indexes and the embedded index follow the same events."""
    return get_setting("AUTOSYNC")


def pending_tasks(connection):
    """``{(action, pk): model}`` recorded on this connection and not yet enqueued.

    Connections are per thread, so this is too. Entries of a transaction that
    rolled back stay until the next commit enqueues them: an extra sync is
    harmless, because the task decides from the stored page.
    """
    try:
        return connection.search_pending_tasks
    except AttributeError:
        connection.search_pending_tasks = {}
        return connection.search_pending_tasks


def enqueue_pending(connection):
    """Enqueue every recorded task once; called after the transaction commits."""
    from .tasks import TASKS_BY_ACTION

    pending = pending_tasks(connection)
    if not pending:  # an earlier callback of the same commit took them all
        return
    batch = list(pending.items())
    pending.clear()
    for (action, pk), model in batch:
        meta = model._meta
        try:
            TASKS_BY_ACTION[action].enqueue(meta.app_label, meta.model_name, pk)
        except Exception:
            # The page is published by now: a queue that cannot take the task is
            # logged, never turned into a failed request.
            logger.exception("Could not enqueue search %s of page %s", action, pk)


def schedule(action, model, page_pk):
    connection = transaction.get_connection()
    pending = pending_tasks(connection)
    key = (action, str(page_pk))
    known = pending.get(key)
    # A publish names the page's own class, which saves the task a query, while
    # a delete names Page: keep the more specific of the two.
    if known is None or issubclass(model, known):
        pending[key] = model
    # One callback per signal, not per transaction: a rolled-back savepoint
    # drops the callbacks registered inside it, so each signal brings its own.
    transaction.on_commit(lambda: enqueue_pending(connection))


def index_page_on_publish(sender, instance, **kwargs):
    if autosync_on() and sender in registry:
        schedule("sync", sender, instance.pk)


def remove_page_on_unpublish(sender, instance, **kwargs):
    if autosync_on():
        schedule("sync", sender, instance.pk)


def remove_page_on_delete(sender, instance, **kwargs):
    # Connected to Page itself: Django sends post_delete for the base row of every
    # page type, including descendants deleted along with a parent.
    if autosync_on():
        schedule("sync", sender, instance.pk)


def reindex_subtree_on_move(sender, instance, **kwargs):
    if autosync_on():
        schedule("subtree", sender, instance.pk)


def reindex_subtree_on_restriction_change(sender, instance, raw=False, **kwargs):
    if autosync_on() and not raw:
        schedule("subtree", Page, instance.page_id)


def register_signal_handlers():
    page_published.connect(index_page_on_publish)
    page_unpublished.connect(remove_page_on_unpublish)
    post_page_move.connect(reindex_subtree_on_move)
    post_delete.connect(remove_page_on_delete, sender=Page)
    post_save.connect(reindex_subtree_on_restriction_change, sender=PageViewRestriction)
    post_delete.connect(
        reindex_subtree_on_restriction_change, sender=PageViewRestriction
    )
