"""Signed, expiring links with which a front-end shows a page's draft.

A token names a page and, when the editor's unsaved content was stashed (by the
admin's preview), that content's key in the cache. The link shows the stashed
content while it lasts, else whatever the latest saved draft is when it is
opened, until it expires after ``PREVIEW_MAX_AGE`` seconds.
"""

import secrets
from urllib.parse import urlencode

from django.core import signing
from django.core.cache import cache

from cms.api.conf import frontend_url, get_setting
from cms.api.paths import page_path

SALT = "cms.api.preview"


class PreviewTokenExpired(Exception):
    pass


class PreviewTokenInvalid(Exception):
    pass


def make_token(page, draft=None):
    """``draft``: a key from ``stash_draft``, for content not saved as a revision."""
    data = {"page": page.pk}
    if draft:
        data["draft"] = draft
    return signing.dumps(data, salt=SALT)


def read_token(token):
    """``(page id, draft key or None)``; raise if forged or older than the max age."""
    try:
        data = signing.loads(token, salt=SALT, max_age=get_setting("PREVIEW_MAX_AGE"))
    except signing.SignatureExpired as error:
        raise PreviewTokenExpired from error
    except signing.BadSignature as error:
        raise PreviewTokenInvalid from error
    return data["page"], data.get("draft")


def stash_draft(page):
    """Keep the page's unsaved content for the preview link; return its key."""
    key = f"cms.api:preview:{secrets.token_urlsafe(16)}"
    cache.set(key, page.serializable_data(), get_setting("PREVIEW_MAX_AGE"))
    return key


def stashed_draft(page, key):
    """The page with the content stashed under ``key``, or None once it is gone."""
    content = cache.get(key) if key else None
    return page.specific.with_content_json(content) if content else None


def api_preview_url(token):
    return f"/api/v1/preview/?{urlencode({'token': token})}"


def frontend_preview_url(page, draft=None):
    """Where an editor sees the draft on the front-end: its path, with a token.

    The front-end reads the draft from ``/api/v1/preview/?token=<preview_token>``.
    """
    token = make_token(page, draft)
    return f"{frontend_url()}{page_path(page)}?{urlencode({'preview_token': token})}"
