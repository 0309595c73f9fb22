"""Keys of the serialisation caches, and the HTTP caching headers of public responses.

Whole responses are cached by ``cms.api.responses``; when one is made afresh,
visibility is decided against the database and only serialisation is reused
(``cms.api.loading``). A serialised page is kept under its id, live revision,
publication time and path, and tagged with the pages it shows
(``cms.api.tags``), so a country renamed on publish is renamed in its cases'
teasers too. Use a cache shared by all workers (Redis) in production: with a
per-process cache, a worker that did not hear the change keeps serving what it
cached until ``CACHE_TIMEOUT``.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from cms.conf import get_setting

# What a cache key is made from: read with the page's id in one small query.
VERSION_FIELDS = (
    "pk",
    "content_type_id",
    "live_revision_id",
    "last_published_at",
    "url_path",
)


def cache_key(kind, version):
    """``version``: the VERSION_FIELDS of one page, as a dict."""
    digest = hashlib.md5(  # noqa: S324 - a cache key, not a secret
        repr([version[name] for name in VERSION_FIELDS]).encode()
    ).hexdigest()
    return f"cms.api:{kind}:{version['pk']}:{digest}"


def dumps(data):
    return json.dumps(
        data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")
    ).encode()


JSON = "application/json"


def json_response(request, body, status=200, public=True, language=None):
    """A JSON response; public ones carry an ETag, and a matching one gives 304.

    ``language``: the language of the page served (or of the pages listed, comma
    separated), sent as ``Content-Language``.
    """
    if not isinstance(body, bytes):
        body = dumps(body)
    if not public or status != 200:
        response = HttpResponse(body, status=status, content_type=JSON)
        patch_cache_control(response, private=True, no_store=True)
        set_language(response, language)
        return response
    return shared_response(request, body, language=language)


def shared_response(request, body, content_type=JSON, language=None):
    """A public 200 with ``body`` and its ETag, marked for ``cms.api.responses``."""
    etag = f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    response = public_response(request, body, etag, content_type, language)
    # What cms.api.responses stores, even when the client was answered 304.
    response.public_body = (etag, body, language)
    return response


def public_response(request, body, etag, content_type=JSON, language=None):
    """A public 200 with ``body``, or an empty 304 if the client holds ``etag``."""
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=get_setting("MAX_AGE"))
    set_language(response, language)
    return response


def set_language(response, language):
    """``Content-Language`` of what is served, and the ``Vary`` that goes with it.

    Without a language of its own (an error), the middleware names the active
    language. Either way the answer may depend on the request's language
    (``LocaleMiddleware`` reads ``Accept-Language``), which a shared cache must
    know: ``Vary: Accept-Language`` on every answer, 304s included.
    """
    if language:
        response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))


def languages_of(items):
    """The ``Content-Language`` of a list of teasers: each language in it."""
    return ", ".join(sorted({item["locale"] for item in items})) or None
