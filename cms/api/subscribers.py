"""Renew exactly the cache tags a content change touches, then purge the CDN.

Subscribed to the content event (``cms.lifecycle.content_changed``), sent after
the change commits. For the pages it names, and for their translations (a detail
lists its page's translations, and a reference to a page is answered with its
translation in the reader's language), the tags renewed are:

- ``page:<id>``: every answer showing one of these pages, or asking whether a
  visitor may read it;
- ``type:<app.model>`` of each of their page types: every answer whose set of
  pages of that type may have changed (listings, search, a country's latest);
  the pages of a deletion are gone, so it renews every page type;
- ``site`` for a site or locale change, and ``snippet:<app.model>`` for a snippet.

Nothing else: an edit to one case leaves unrelated cached answers warm. The CDN
is then told the same tags (``cms.api.purge.purge``).

The tags are renewed once, after the commit: a worker that read rows before
it has read the change counter before them too, and the renewal moves the
counter, so what it made is not stored under the new versions
(``cms.api.tags``). Until the commit, the transaction making the change reads
around the shared cache (``tags.changing``): it neither serves an answer cached
before the change nor stores one made from rows that could still roll back.
Between the commit and the renewal, while the publish has not yet returned,
other workers may still serve the answer from before; on Redis, so may a worker
in the moment before the push of the renewal reaches it (``cms.cache.KeyWatch``).
The CDN is told after the renewal: told before, it could fetch the old answer
again and keep it.

A change's tags are worked out when it is noted (``content_changing``), and kept
on the change (``change.memo``) for the renewal and the purge: the pages it names
and their translations are read while they are all still there. A change noted
outside a transaction (the admin's edit view runs Wagtail's publish action
itself, which sends ``page_published`` after the page's own save has committed)
is already committed when it is noted, and ``content_changed`` follows at once.
"""

import logging

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from cms.api import purge, tags
from cms.api.pagetypes import page_types
from cms.lifecycle import Change, content_changed, content_changing

logger = logging.getLogger(__name__)

TAGS = "cms.api.tags"


def page_tags(page_ids, pages=()):
    """Tags of the pages ``page_ids`` and of their translations (one query).

    ``pages``: instances of some of them, whose translation keys need no read.
    """
    keys = {page.translation_key for page in pages if page.pk in page_ids}
    if len(keys) < len(page_ids):
        keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "pk", "content_type_id"
    )
    found = {tags.page_tag(pk) for pk in page_ids}
    for pk, content_type_id in rows:
        model = ContentType.objects.get_for_id(content_type_id)
        found |= {tags.page_tag(pk), f"type:{model.app_label}.{model.model}"}
    if len({pk for pk, _type in rows} & set(page_ids)) < len(page_ids):
        # Some are gone: their types are unknown now.
        found |= {tags.type_tag(page_type.model) for page_type in page_types().values()}
    return found


def find_tags(change, pages=()):
    found = page_tags(change.page_ids, pages) if change.page_ids else set()
    if change.kind in (Change.SITE, Change.LOCALE):
        found.add(tags.SITE)
    if change.snippet:
        found.add(tags.snippet_tag(change.snippet))
    return found


def tags_of(change, pages=()):
    """The tags whose cached answers ``change`` may have made stale (read once)."""
    if TAGS not in change.memo:
        change.memo[TAGS] = frozenset(find_tags(change, pages))
    return set(change.memo[TAGS])


def tags_when_noted(sender, change, pages=(), **kwargs):
    tags_of(change, pages)


def renew_on_change(sender, change, **kwargs):
    changed = tags_of(change)
    if not changed:
        return
    tags.renew(changed)
    try:
        purge.purge(changed, change)
    except Exception:
        # The shared cache is renewed; the CDN's copies expire with their max-age.
        logger.exception("Could not purge the CDN of %d tags.", len(changed))


def register_subscribers():
    content_changing.connect(tags_when_noted, dispatch_uid="cms.api.tags_noted")
    content_changed.connect(renew_on_change, dispatch_uid="cms.api.subscribers")
