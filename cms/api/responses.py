"""Whole public responses, cached for every worker: a warm hit only reads the cache.

A public GET is answered from one ``get_many`` of two keys: the content generation
(``cms.api.caching``) and the entry stored under the normalised request (host,
active language, path and sorted query). An entry holds the generation it was made
in, its ETag and its body, and is served only while that generation is current.
Publishing, unpublishing, moving or deleting a page and changing a view
restriction or a site renew the generation (``cms.api.subscribers``), so every
entry goes stale at once, and a hit needs neither SQL nor serialisation.

Why several workers agree: the generation lives in the shared cache and is read
*before* the database, so an entry is never labelled with a generation newer than
its rows. The handlers renew the generation again once the publishing transaction
commits, which retires entries made from rows read before the commit.

Only anonymous reads take part: a request with a session cookie, an
``Authorization`` or ``X-Preview-Token`` header or a preview token parameter
neither reads nor fills the cache.
"""

import hashlib
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from cms.api import caching
from cms.conf import get_setting

PREVIEW_PARAMETERS = frozenset({"token", "preview_token"})


def is_anonymous_read(request):
    """Whether the request may share responses with every other anonymous reader."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and "HTTP_X_PREVIEW_TOKEN" not in request.META
        and PREVIEW_PARAMETERS.isdisjoint(request.GET)
    )


def response_key(request):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    # The host picks the Wagtail site, and so the pages a response may hold.
    request_id = f"{request.get_host().lower()} {get_language()} {request.path}?{query}"
    digest = hashlib.md5(request_id.encode()).hexdigest()  # noqa: S324 - a key
    return f"cms.api:response:{digest}"


def cache_public_response(run, content_type=caching.JSON):
    """Serve a public endpoint's 200 responses from the shared cache.

    Apply with ``ninja.decorators.decorate_view`` so a hit skips the parsing of
    parameters too. The endpoint must answer through ``caching.json_response``
    (or ``caching.shared_response`` with this ``content_type``, as the HTML
    rendering of pages does: ``cms.site.serving``).
    """

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        if not is_anonymous_read(request):
            return run(request, *args, **kwargs)
        key = response_key(request)
        found = cache.get_many([caching.GENERATION_KEY, key])
        generation = found.get(caching.GENERATION_KEY) or caching.renew_generation()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            _generation, etag, body, *language = entry
            return caching.public_response(request, body, etag, content_type, *language)
        response = run(request, *args, **kwargs)
        made = getattr(response, "public_body", None)
        if made is not None:
            cache.set(key, (generation, *made), get_setting("CACHE_TIMEOUT"))
        return response

    return wrapper
