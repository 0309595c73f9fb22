"""Signed, expiring tokens with which a front-end shows a page's draft.

A token names a page, the revision that was its latest draft when the token was
made, and, when the editor's unsaved content was stashed (by the admin's
preview), that content's key in the cache. It shows the stashed content while it
lasts, else that revision: a later draft needs a new token, so a token that
leaked shows nothing written after it. It expires after ``PREVIEW_MAX_AGE``
seconds (ten minutes; the admin makes a new one on every preview).

The API takes the token in the ``X-Preview-Token`` header (``PREVIEW_HEADER``),
never in its URL: access logs, proxies and browser histories keep URLs, not
request headers.
"""

import secrets
from urllib.parse import urlencode

from django.core import signing
from django.core.cache import cache

from wagtail.models import Revision

from cms.conf import frontend_url, get_setting
from cms.paths import page_path

SALT = "cms.api.preview"
PREVIEW_HEADER = "X-Preview-Token"


class PreviewTokenExpired(Exception):
    pass


class PreviewTokenInvalid(Exception):
    pass


def make_token(page, draft=None):
    """``draft``: a key from ``stash_draft``, for content not saved as a revision."""
    data = {"page": page.pk, "revision": page.latest_revision_id}
    if draft:
        data["draft"] = draft
    return signing.dumps(data, salt=SALT)


def read_token(token):
    """``(page id, revision id or None, draft key or None)``; raise if forged or
    older than the max age."""
    try:
        data = signing.loads(token, salt=SALT, max_age=get_setting("PREVIEW_MAX_AGE"))
    except signing.SignatureExpired as error:
        raise PreviewTokenExpired from error
    except signing.BadSignature as error:
        raise PreviewTokenInvalid from error
    if "revision" not in data:  # made before tokens named their revision
        raise PreviewTokenInvalid
    return data["page"], data["revision"], data.get("draft")


def stash_draft(page):
    """Keep the page's unsaved content for the preview link; return its key."""
    key = f"cms.api:preview:{secrets.token_urlsafe(16)}"
    cache.set(key, page.serializable_data(), get_setting("PREVIEW_MAX_AGE"))
    return key


def stashed_draft(page, key):
    """The page with the content stashed under ``key``, or None once it is gone."""
    content = cache.get(key) if key else None
    return page.specific.with_content_json(content) if content else None


def token_draft(page, revision_id, draft_key):
    """What a token shows of ``page``: its stash, else its revision; None if gone.

    A token made before the page had any revision shows the page as stored.
    """
    draft = stashed_draft(page, draft_key)
    if draft is not None:
        return draft
    if revision_id is None:
        return page.specific
    revision = Revision.objects.for_instance(page).filter(pk=revision_id).first()
    return revision.as_object() if revision else None


def frontend_preview_url(page, draft=None):
    """Where an editor sees the draft on the front-end: its path, with a token.

    The front-end reads the draft from ``/api/v1/preview/``, sending the
    ``preview_token`` in the ``X-Preview-Token`` header.
    """
    token = make_token(page, draft)
    return f"{frontend_url()}{page_path(page)}?{urlencode({'preview_token': token})}"
