"""The only module that connects to Wagtail's and Django's signals for content.

Each receiver turns one signal into a noted ``ContentChange`` (``pending``):
published, unpublished, moved, deleted, restricted or unrestricted pages, a site,
a locale, the privacy settings or a shown snippet changed. ``post_save`` on
pages is never used: it fires on a draft save while the instance holds the
draft, and a draft changes nothing a visitor reads.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from cms.paths import page_path
from cms.visibility import visible_pages

from .events import Change, ContentChange
from .pending import note
from .snippets import shown_snippets, snippet_pages


def subtree_ids(page):
    return frozenset(
        Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
    )


def public_paths(pages):
    """``{id: public path}`` of those of ``pages`` a visitor may read now."""
    return {
        page.pk: page_path(page)
        for page in pages.filter(pk__in=visible_pages().values("pk")).select_related(
            "locale"
        )
    }


def label_of(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def note_published(sender, instance, revision=None, **kwargs):
    note(
        ContentChange(
            Change.PUBLISHED,
            frozenset([instance.pk]),
            models={instance.pk: label_of(sender)},
        ),
        pages=[instance],
        user=getattr(revision, "user", None),
    )


def note_unpublished(sender, instance, **kwargs):
    note(
        ContentChange(
            Change.UNPUBLISHED,
            frozenset([instance.pk]),
            models={instance.pk: label_of(sender)},
        ),
        pages=[instance],
    )


def paths_before_move(connection):
    """``{page id: its subtree's public paths}`` read by ``pre_page_move``."""
    if not hasattr(connection, "lifecycle_paths_before_move"):
        connection.lifecycle_paths_before_move = {}
    return connection.lifecycle_paths_before_move


def remember_paths_before_move(sender, instance, **kwargs):
    # post_page_move gets a fresh instance: the paths wait on the connection.
    paths_before_move(transaction.get_connection())[instance.pk] = public_paths(
        Page.objects.filter(path__startswith=instance.path)
    )


def note_moved(sender, instance, **kwargs):
    paths = paths_before_move(transaction.get_connection()).pop(instance.pk, {})
    note(
        ContentChange(
            Change.MOVED,
            subtree_ids(instance),
            paths=paths,
            roots=frozenset([instance.pk]),
        ),
        pages=[instance],
    )


def note_deleted(sender, instance, **kwargs):
    # Sent for every page deleted, descendants included, while its rows (and
    # what cascades from them) are still there: its public path is read now.
    note(
        ContentChange(
            Change.DELETED,
            frozenset([instance.pk]),
            paths=public_paths(Page.objects.filter(pk=instance.pk)),
        ),
        pages=[instance],
    )


def note_restriction(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # deleted with its page: the deletion is the change
        return
    kind = (
        Change.UNRESTRICTED
        if kwargs.get("signal") is post_delete
        else Change.RESTRICTED
    )
    note(
        ContentChange(kind, subtree_ids(page), roots=frozenset([page.pk])),
        pages=[page],
    )


def site_page_ids(site):
    """Every page in ``site``'s tree: its root page, the root's translations, below."""
    if site is None or site.root_page_id is None:
        return frozenset()
    roots = Page.objects.filter(
        translation_key=Page.objects.filter(pk=site.root_page_id).values(
            "translation_key"
        )[:1]
    )
    ids = set()
    for root in roots:
        ids |= subtree_ids(root)
    return frozenset(ids)


def note_site(sender, instance, raw=False, **kwargs):
    if not raw:
        note(ContentChange(Change.SITE, site_page_ids(instance)))


def note_site_setting(sender, instance, raw=False, **kwargs):
    # The privacy policy every action links to is a per-site setting.
    if not raw:
        note(ContentChange(Change.SITE, site_page_ids(instance.site)))


def note_locale(sender, instance, raw=False, **kwargs):
    if not raw:
        ids = Page.objects.filter(locale_id=instance.pk).values_list("pk", flat=True)
        note(ContentChange(Change.LOCALE, frozenset(ids)))


def note_snippet(sender, instance, raw=False, **kwargs):
    # Deletions are noted before the rows go, while the references still point.
    if not raw:
        note(
            ContentChange(
                Change.SNIPPET,
                snippet_pages(instance),
                snippet=sender._meta.label,
            )
        )


def connections():
    """``(signal, receiver, sender)`` for every connection the lifecycle makes."""
    from cms.models import PrivacySettings

    made = [
        (page_published, note_published, None),
        (page_unpublished, note_unpublished, None),
        (pre_page_move, remember_paths_before_move, None),
        (post_page_move, note_moved, None),
        (pre_delete, note_deleted, Page),
        (post_save, note_restriction, PageViewRestriction),
        (post_delete, note_restriction, PageViewRestriction),
        (post_save, note_site, Site),
        (post_delete, note_site, Site),
        (post_save, note_locale, Locale),
        (post_delete, note_locale, Locale),
        (post_save, note_site_setting, PrivacySettings),
    ]
    for model in shown_snippets():
        made += [(post_save, note_snippet, model), (pre_delete, note_snippet, model)]
    return made


def uid(signal, receiver, sender):
    return (
        f"cms.lifecycle.{receiver.__name__}.{id(signal)}.{sender and label_of(sender)}"
    )


def connect_receivers():
    """Connect every receiver (``CmsConfig.ready``; ``register_shown_snippet`` later)."""
    for signal, receiver, sender in connections():
        signal.connect(
            receiver, sender=sender, dispatch_uid=uid(signal, receiver, sender)
        )


def connect_snippet(model):
    for signal in (post_save, pre_delete):
        signal.connect(
            note_snippet, sender=model, dispatch_uid=uid(signal, note_snippet, model)
        )


def disconnect_receivers():
    """Disconnect them all: nothing content does is announced (benchmarks)."""
    for signal, receiver, sender in connections():
        signal.disconnect(
            receiver, sender=sender, dispatch_uid=uid(signal, receiver, sender)
        )
