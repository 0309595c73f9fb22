"""Background tasks that keep the index in step with published pages.

Each task takes ``(app_label, model_name, pk)`` and re-reads the stored page, so
it decides from what is in the database when it runs, not from the signal's
instance. A failed write is recorded as an ``IndexingFailure`` and, when the task
backend can defer, tried again later with a doubling wait.
"""

import datetime
import logging
from functools import partial

from django_tasks import default_task_backend, task
from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import BulkIndexError

from django.db.models import F
from django.utils import timezone

from .backends.elasticsearch.indexing import IndexWriteError
from .conf import get_setting

logger = logging.getLogger(__name__)

# The tag of every cached search answer (search.api, cms.api.tags).
INDEX_TAG = "search"
# Failures enqueued again after each success; the rest wait for the next one.
RETRY_BATCH = 100

# Network failures, timeouts, error statuses from the cluster (503, 429, ...) and
# bulk items that the cluster refused.
RETRYABLE = (TransportError, ApiError, BulkIndexError, IndexWriteError)


def describe(error):
    """The error and the causes the transport collected (``error.errors``)."""
    causes = [str(cause) for cause in getattr(error, "errors", ())]
    return "; ".join([f"{type(error).__name__}: {error}", *causes])[:2000]


def record_failure(app_label, model_name, pk, action, error):
    from .models import IndexingFailure

    failure, created = IndexingFailure.objects.get_or_create(
        app_label=app_label,
        model_name=model_name,
        object_id=str(pk),
        action=action,
        defaults={"error": describe(error)},
    )
    if not created:
        IndexingFailure.objects.filter(pk=failure.pk).update(
            error=describe(error),
            attempts=F("attempts") + 1,
            last_failed_at=timezone.now(),
        )


def retry_later(task_obj, attempt, *args):
    """Enqueue again after a doubling wait, if the backend can defer and tries remain."""
    if attempt > get_setting("TASK_RETRIES") or not default_task_backend.supports_defer:
        return False
    wait = get_setting("RETRY_BACKOFF") * 2 ** (attempt - 1)
    run_after = timezone.now() + datetime.timedelta(seconds=wait)
    task_obj.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True


def clear_and_retry(args, action, catch_up):
    """Forget this object's failure; after a success, enqueue the others again.

    One query in the usual case, where nothing has failed.
    """
    from .models import IndexingFailure

    failures = list(IndexingFailure.objects.order_by("pk")[:RETRY_BATCH])
    for failure in failures:
        key = (failure.app_label, failure.model_name, failure.object_id)
        if key == tuple(args) and failure.action == action:
            failure.delete()
        elif catch_up:
            TASKS_BY_ACTION[failure.action].enqueue(*key, catch_up=False)


def run_synced(task_obj, action, work, args, attempt, catch_up):
    try:
        result = work()
    except RETRYABLE as error:
        logger.warning("Search %s of %s failed: %s", action, ".".join(args), error)
        record_failure(*args, action, error)
        retry_later(task_obj, attempt, *args)
        return "failed"
    clear_and_retry(args, action, catch_up)
    renew_search_answers()
    return result


def renew_search_answers():
    """Cached search answers were made from the index as it was: renew them.

    The content event renews the pages' tags when the change commits, but the
    index is written later, here: an answer cached in between holds the old
    index, so every write renews the tag all search answers carry.
    """
    from cms.api import purge, tags

    tags.renew({INDEX_TAG})
    purge.purge({INDEX_TAG})


@task()
def sync_page_task(app_label, model_name, pk, attempt=1, catch_up=True):
    """Index the page if it is live and public now, otherwise remove it.

    After a success, earlier failures are enqueued again (``catch_up``).
    """
    from .backends import get_indexer

    args = (app_label, model_name, pk)
    work = partial(get_indexer().sync_page, *args)
    return run_synced(sync_page_task, "sync", work, args, attempt, catch_up)


@task()
def sync_subtree_task(app_label, model_name, pk, attempt=1, catch_up=True):
    """Re-decide a page and its descendants: after a move or a privacy change."""
    from .backends import get_indexer

    args = (app_label, model_name, pk)
    work = partial(get_indexer().sync_subtree, pk)
    return run_synced(sync_subtree_task, "subtree", work, args, attempt, catch_up)


TASKS_BY_ACTION = {"sync": sync_page_task, "subtree": sync_subtree_task}
