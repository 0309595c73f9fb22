"""Signed, expiring links with which a front-end shows a page's latest draft.

The token names a page, not a revision: the link shows whatever the latest draft
is when it is opened, until it expires after ``PREVIEW_MAX_AGE`` seconds.
"""

from urllib.parse import urlencode

from django.core import signing

from cms.api.conf import frontend_url, get_setting

SALT = "cms.api.preview"


class PreviewTokenExpired(Exception):
    pass


class PreviewTokenInvalid(Exception):
    pass


def make_token(page):
    return signing.dumps({"page": page.pk}, salt=SALT)


def read_token(token):
    """The page id in ``token``; raise if it is forged or older than the max age."""
    try:
        data = signing.loads(token, salt=SALT, max_age=get_setting("PREVIEW_MAX_AGE"))
    except signing.SignatureExpired as error:
        raise PreviewTokenExpired from error
    except signing.BadSignature as error:
        raise PreviewTokenInvalid from error
    return data["page"]


def frontend_preview_url(page):
    """Where the admin sends an editor to see the draft on the front-end."""
    return f"{frontend_url()}/preview/?{urlencode({'token': make_token(page)})}"
