"""Whole public responses, cached for every worker: a warm hit only reads the cache.

A public GET is looked up under its normalised request (host, active language,
path and sorted query). The entry there is small: the ETag, the content type and
language, and the tags of what the answer shows with their versions
(``cms.api.tags``). The body is stored apart, under its ETag, and each worker
keeps a bounded copy of the bodies it served (``LOCAL_BODIES``). A hit costs one
``get_many`` of a few hundred bytes, the entry with the change counter, when the
worker knows its tags' versions at that counter (``tags.KnownVersions``) and
holds its body; otherwise a second reads the versions (and the body). It is
served only while every version is current, and needs neither SQL nor
serialisation.

On Redis, a hit can cost no round trip at all. Redis pushes each worker a
message whenever the change counter is written (``cms.cache.KeyWatch``), and
every renewal writes it; until one arrives, the entries a worker found current
are still current, and it serves them again from memory (``LocalAnswers``). A
renewal reaches every worker by that push, as Redis answers the write: a
request answered in the moment between is served the answer from before, as
in the window between a commit and its renewal (``cms.api.subscribers``).

A body is named by its content (its ETag is a hash of it), so a copy kept by a
worker is never wrong: an entry either names it or it does not.

Only anonymous reads take part: a request with a session cookie, an
``Authorization`` or ``X-Preview-Token`` header or a preview token parameter
neither reads nor fills the cache.

Every public answer served through the cache, hit, miss or 304, carries
``response.cache_tags``: the frozenset of tags it was stored under, for the CDN
(``cms.api.purge``).
"""

import hashlib
import time
from collections import OrderedDict
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from cms.api import caching, purge, tags
from cms.conf import get_setting

PREVIEW_PARAMETERS = frozenset({"token", "preview_token"})
BODY_KEY = "cms.api:body:{etag}"


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


class LocalBodies:
    """Bodies by ETag, the most recently served first, within ``limit`` bytes."""

    def __init__(self):
        self.bodies = OrderedDict()
        self.size = 0

    def get(self, etag):
        body = self.bodies.get(etag)
        if body is not None:
            self.bodies.move_to_end(etag)
        return body

    def put(self, etag, body):
        limit = get_setting("LOCAL_BODIES")
        if etag in self.bodies or len(body) > limit:
            return
        self.bodies[etag] = body
        self.size += len(body)
        while self.size > limit:
            _etag, dropped = self.bodies.popitem(last=False)
            self.size -= len(dropped)

    def clear(self):
        self.bodies.clear()
        self.size = 0


local_bodies = LocalBodies()


class LocalAnswers:
    """Entries this worker served, kept while the change counter stands still.

    Each is kept under the mark of the counter's watch (``cms.cache.KeyWatch``)
    taken before the ``get_many`` that found it current. While the watch gives
    that mark, no change has been renewed since (every renewal writes the
    counter), so the entry is still current and is served with no round trip.
    A new mark drops them all. None lives longer than ``MAX_AGE``, nor past
    ``LIMIT`` entries.
    """

    LIMIT = 10_000

    def __init__(self):
        self.clear()

    def get(self, key, mark):
        known_mark, entries = self.state
        if mark is None or mark != known_mark:
            return None
        kept = entries.get(key)
        if kept is None or kept[1] < time.monotonic():
            return None
        return kept[0]

    def put(self, key, mark, entry):
        known_mark, entries = self.state
        if mark != known_mark or len(entries) >= self.LIMIT:
            entries = {}
            self.state = (mark, entries)
        entries[key] = (entry, time.monotonic() + get_setting("MAX_AGE"))

    def clear(self):
        self.state = (None, {})


local_answers = LocalAnswers()


def cached_answer(request, key, content_type):
    """``(response or None, counter)``: the cached answer under ``key``, if current."""
    if tags.changing():
        return None, None
    watch = tags.counter_watch()
    mark = watch.mark() if watch is not None else None
    entry = local_answers.get(key, mark)
    body = local_bodies.get(entry[0][0]) if entry is not None else None
    if body is not None:
        return answer_from(request, entry, body, content_type), None
    found = cache.get_many([tags.COUNTER_KEY, key])
    counter = found.get(tags.COUNTER_KEY) or tags.mark()
    entry = found.get(key)
    if entry is None:
        return None, counter
    (etag, language), versions = entry
    body = local_bodies.get(etag)
    body_key = BODY_KEY.format(etag=etag.strip('"'))
    fresh, stored = tags.read_current(
        counter, {key: versions}, *(() if body is not None else (body_key,))
    )
    if not fresh:
        return None, counter
    if body is None:
        body = stored.get(body_key)
        if body is None:
            return None, counter
        local_bodies.put(etag, body)
    if mark is not None:
        local_answers.put(key, mark, entry)
    return answer_from(request, entry, body, content_type), counter


def answer_from(request, entry, body, content_type):
    """The response of a current ``entry``, with its ``body``."""
    (etag, language), versions = entry
    response = caching.public_response(request, body, etag, content_type, language)
    response.cache_tags = frozenset(versions) - {tags.EVERYTHING}
    purge.set_tag_headers(response, response.cache_tags)
    return response


def store_answer(key, counter, made, collected):
    """Store a made answer (``made``: ETag, body, language) under its tags."""
    etag, body, language = made
    entry_tags = frozenset(collected)
    versions = tags.versions_for(entry_tags, counter)
    if versions is None:
        return entry_tags
    timeout = get_setting("CACHE_TIMEOUT")
    cache.set_many(
        {
            BODY_KEY.format(etag=etag.strip('"')): body,
            key: ((etag, language), versions),
        },
        timeout,
    )
    local_bodies.put(etag, body)
    return entry_tags


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
        response, counter = cached_answer(request, key, content_type)
        if response is not None:
            return response
        with tags.collecting() as collected:
            response = run(request, *args, **kwargs)
        made = getattr(response, "public_body", None)
        if made is not None:
            response.cache_tags = store_answer(key, counter, made, collected)
            # Recorded whether or not it was stored: a CDN may keep it either way.
            purge.remember(request.build_absolute_uri(), response.cache_tags)
            purge.set_tag_headers(response, response.cache_tags)
        return response

    return wrapper
