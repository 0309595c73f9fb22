"""Announce Wagtail's page events as the one content event (``cms.lifecycle``).

Until core sends ``content_changed`` itself, these handlers turn Wagtail's
signals into ``announce(ContentChange(...))``, sent once the change commits:
the API caches and the CDN purge hear it in ``cms.api.subscribers``. A draft
save changes nothing public, so it announces nothing.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.lifecycle import Change, ContentChange, announce
from cms.paths import page_path


def subtree_ids(page):
    return frozenset(
        Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def announce_published(sender, instance, **kwargs):
    announce(ContentChange(Change.PUBLISHED, frozenset({instance.pk})))


def announce_unpublished(sender, instance, **kwargs):
    announce(
        ContentChange(
            Change.UNPUBLISHED,
            frozenset({instance.pk}),
            paths={instance.pk: page_path(instance)},
        )
    )


def announce_moved(sender, instance, url_path_before=None, **kwargs):
    announce(ContentChange(Change.MOVED, subtree_ids(instance)))


def announce_created(sender, instance, created=False, raw=False, **kwargs):
    # A page added live, by a script or an import rather than by publishing,
    # is public at once.
    if created and not raw and isinstance(instance, Page) and instance.live:
        announce(ContentChange(Change.PUBLISHED, frozenset({instance.pk})))


def announce_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        announce(ContentChange(Change.DELETED, frozenset({instance.pk})))


def announce_restriction(sender, instance, **kwargs):
    # A restriction hides or shows the page and everything below it.
    kind = Change.UNRESTRICTED if "created" not in kwargs else Change.RESTRICTED
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        announce(ContentChange(kind, subtree_ids(page)))


def announce_site(sender, instance, **kwargs):
    # A site's hostname or root page decides which pages each host serves.
    announce(ContentChange(Change.SITE))


def announce_locale(sender, instance, **kwargs):
    announce(ContentChange(Change.LOCALE))


def announce_snippet(sender, instance, **kwargs):
    announce(ContentChange(Change.SNIPPET, snippet=sender._meta.label))


def register_signal_handlers():
    from caseblocks.models import ActionTarget
    from cms.models import PartnerOrganisation, PrivacySettings

    page_published.connect(announce_published)
    page_unpublished.connect(announce_unpublished)
    post_page_move.connect(announce_moved)
    post_save.connect(announce_created)
    post_delete.connect(announce_deleted)
    for signal in (post_save, post_delete):
        signal.connect(announce_restriction, sender=PageViewRestriction)
        signal.connect(announce_site, sender=Site)
        signal.connect(announce_locale, sender=Locale)
        for model in (PrivacySettings, PartnerOrganisation, ActionTarget):
            signal.connect(announce_snippet, sender=model)
