"""Signals that keep the index in step: publish, unpublish, delete, move, privacy.

``post_save`` on pages is deliberately not used: it fires on draft saves while the
instance holds the draft. Every handler only schedules a task for after the
transaction commits; the task re-reads the stored page.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .conf import get_setting, uses_elasticsearch
from .registry import registry


def autosync_on():
    return get_setting("AUTOSYNC") and uses_elasticsearch()


def schedule(task_name, model, page_pk):
    from . import tasks

    task_obj = tasks.TASKS_BY_ACTION[task_name]
    args = (model._meta.app_label, model._meta.model_name, str(page_pk))
    # robust: a queue that cannot take the task is logged, never turned into a failed
    # publish (the transaction has committed by then).
    transaction.on_commit(partial(task_obj.enqueue, *args), robust=True)


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
