"""Finding a letter on a visible page, and keeping its PDF in the cache.

A PDF is cached under the page's live revision, its language, the block and the
paper, so publishing a new revision never serves an old letter. A per-page stamp
in the key is renewed by the content event (``caseblocks.subscribers``), so an
unpublished, moved or restricted page's letters leave the cache too.
"""

import hashlib
import time

from django.core.cache import cache

from wagtail.fields import StreamField

from caseblocks.blocks import AppealAddressBlock
from caseblocks.conf import get_setting

from .render import letter_of, render

PREFIX = "caseblocks:letter:"


def find_letter_block(pages, page_id, block_id):
    """``(page, value)`` of a letter offered on one of ``pages``, or None.

    ``pages``: the pages a visitor may read (``cms.visibility``), in the request's site.

    A page that is missing, not live or restricted, a block that is not there
    and a block that offers no letter are all None alike.
    """
    page = (
        pages.filter(pk=page_id)
        .select_related("locale", "live_revision")
        .specific()
        .first()
    )
    if page is None:
        return None
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for child in getattr(page, field.name) or ():
            if (
                child.id == block_id
                and isinstance(child.block, AppealAddressBlock)
                and child.block.offers_letter(child.value)
            ):
                return page, child.value
    return None


def stamp_key(page_id):
    return f"{PREFIX}stamp:{page_id}"


def stamp(page_id):
    key = stamp_key(page_id)
    value = cache.get(key)
    if value is None:
        value = time.time_ns()
        cache.add(key, value, None)
        value = cache.get(key, value)
    return value


def letter_key(page, block_id, paper):
    # Hashed: the block id comes from the URL.
    block = hashlib.blake2s(block_id.encode(), digest_size=8).hexdigest()
    language = page.locale.language_code
    return (
        f"{PREFIX}{page.pk}:{page.live_revision_id}:{language}:{block}:{paper}:"
        f"{stamp(page.pk)}"
    )


def letter_pdf(page, block_id, value, paper):
    """``(etag, body)`` of the letter on ``paper``, from the cache or made now."""
    key = letter_key(page, block_id, paper)
    found = cache.get(key)
    if found is None:
        revision = page.live_revision
        made_at = revision.created_at if revision else page.last_published_at
        body = render(letter_of(value, page.locale.language_code, made_at), paper)
        etag = f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
        found = (etag, body)
        cache.set(key, found, get_setting("LETTER_CACHE_TIMEOUT"))
    return found


def forget_letters(page_ids):
    """Make the cached letters of ``page_ids`` unreachable (on the content event)."""
    cache.delete_many([stamp_key(page_id) for page_id in page_ids])
