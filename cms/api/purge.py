"""Take what a content change made stale out of the CDN: by tag where it can, by URL otherwise.

Every public answer served through the response cache knows the tags it was
stored under (``response.cache_tags``: ``page:<id>`` for each page it shows,
``type:<model>`` for the pages a listing could hold, ...). The content event's
subscriber renews those tags in the shared cache and calls ``purge(tags, change)``.
The CDN is reached in one of two ways, decided per backend of Wagtail's
``WAGTAILFRONTENDCACHE``:

- **By tag**, for a backend with a ``purge_tags`` method (``SurrogateKeyBackend``
  for Fastly, ``CloudflareTagBackend`` for Cloudflare's cache tags). Public answers
  carry their tags in the header the backend names (``Surrogate-Key``, ``Cache-Tag``;
  the CDN strips it), and a change purges its tags, from a task.
- **By URL**, for every other backend (Wagtail's ``HTTPBackend`` for Varnish,
  CloudFront, Azure). Each URL answered publicly is recorded under each of its
  tags in the shared cache, for as long as a CDN may hold it (``CACHE_TIMEOUT`` +
  ``MAX_AGE``, renewed whenever the answer is made again); a change purges every URL
  recorded under its tags through Wagtail's own purge task, so a country's detail,
  a filtered or paginated listing and a search that showed a page are purged
  with it.

An answer with more tags than its header can hold is tagged ``OVERFLOW_TAG`` alone,
and every purge names that tag too: such answers go at every change, never stay
stale. The header is sent only when a tag-purging CDN is configured, which strips
it. Its tags are page ids the answer showed or asked the visibility of, page
types, ``site`` and snippet models: an id asked about and found hidden is tagged
exactly as one that does not exist, so even a reader who reached the origin
directly could not tell a private page from a missing one by them.
"""

import json
import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from django_tasks import task

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.backends.cloudflare import CloudflareBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

from cms.conf import get_setting

logger = logging.getLogger(__name__)

OVERFLOW_TAG = "casebook"
URLS_KEY = "cms.api:urls:{tag}"
# Unknown query parameters are ignored, so anyone can make up URLs that answer:
# a tag records this many at most, and a URL beyond them goes stale at the CDN
# for up to MAX_AGE instead of growing Redis and every purge without bound.
URLS_PER_TAG = 1000


def tag_backends():
    """``{name: backend}`` of the configured backends that purge by tag."""
    return {
        name: backend
        for name, backend in get_backends().items()
        if hasattr(backend, "purge_tags")
    }


def url_backend_names():
    return sorted(
        name
        for name, backend in get_backends().items()
        if not hasattr(backend, "purge_tags")
    )


def header_value(tags, separator, limit):
    value = separator.join(sorted(tags))
    return value if len(value.encode()) <= limit else OVERFLOW_TAG


def set_tag_headers(response, tags):
    """Name ``tags`` in the header of each tag-purging backend (none configured: none)."""
    if not tags or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    for backend in tag_backends().values():
        response[backend.tag_header] = header_value(
            tags, backend.tag_separator, backend.header_limit
        )


def remember(url, tags):
    """Record that the public answer at ``url`` is tagged ``tags``, for URL purges.

    Called whenever an answer is made afresh (not on hits: the record outlives
    the cached entry by the CDN's ``MAX_AGE``, so every copy a hit can hand out is
    still covered).
    """
    if not tags or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if not url_backend_names():
        return
    timeout = get_setting("CACHE_TIMEOUT") + get_setting("MAX_AGE")
    url_index().add(url, tags, timeout)


def recorded_urls(tags):
    return url_index().urls(tags)


def purge(tags, change=None):
    """Purge at the CDN every answer tagged with one of ``tags``.

    ``change`` (a ``cms.lifecycle.ContentChange``) adds the changed pages' own
    URLs, by id and by their old paths, for the URL backends: a CDN may hold them
    from before their answers were recorded.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    tags = sorted({*tags, OVERFLOW_TAG})
    by_tag = sorted(tag_backends())
    if by_tag:
        try:
            purge_tags_task.enqueue(tags, by_tag)
        except Exception:
            logger.exception("Could not enqueue the purge of %d tags.", len(tags))
    by_url = url_backend_names()
    if by_url:
        urls = recorded_urls(tags) | own_urls(change)
        if urls:
            purge_urls_from_cache(sorted(urls), backends=by_url)


def own_urls(change):
    if change is None:
        return set()
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    find = base + reverse("cms_api:find_page")
    urls = {
        base + reverse("cms_api:get_page", kwargs={"id": page_id})
        for page_id in change.page_ids
    }
    urls |= {f"{find}?path={path}" for path in change.paths.values()}
    return urls


@task()
def purge_tags_task(tags, backend_names):
    for name, backend in tag_backends().items():
        if name in backend_names:
            backend.purge_tags(tags)


def chunks(items, size):
    items = list(items)
    return [items[start : start + size] for start in range(0, len(items), size)]


class SurrogateKeyBackend(BaseBackend):
    """Fastly: purge by surrogate key.

    ``WAGTAILFRONTENDCACHE = {"fastly": {"BACKEND": "cms.api.purge.SurrogateKeyBackend",
    "SERVICE_ID": ..., "API_TOKEN": ..., "SOFT": True}}``; ``API_URL`` defaults to
    Fastly's API.
    """

    tag_header = "Surrogate-Key"
    tag_separator = " "
    header_limit = 16384  # Fastly's limit for the header
    keys_per_request = 256  # Fastly's limit per purge request

    def __init__(self, params):
        super().__init__(params)
        self.service_id = params["SERVICE_ID"]
        self.token = params["API_TOKEN"]
        self.api_url = params.get("API_URL", "https://api.fastly.com").rstrip("/")
        self.soft = params.get("SOFT", True)
        self.timeout = params.get("TIMEOUT", 10)

    def headers(self):
        headers = {"Fastly-Key": self.token, "Accept": "application/json"}
        if self.soft:
            headers["Fastly-Soft-Purge"] = "1"
        return headers

    def send(self, path, headers):
        request = Request(  # noqa: S310 - the configured API's https URL
            self.api_url + path, method="POST", headers=headers
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310
                pass
        except (URLError, OSError) as error:
            logger.error("Could not purge at Fastly (%s): %s", path, error)

    def purge_tags(self, tags):
        for chunk in chunks(tags, self.keys_per_request):
            headers = {**self.headers(), "Surrogate-Key": " ".join(chunk)}
            self.send(f"/service/{self.service_id}/purge", headers)

    def purge(self, url):
        # Fastly purges one URL by its host and path.
        self.send("/purge/" + url.split("://", 1)[-1], self.headers())


class CloudflareTagBackend(CloudflareBackend):
    """Cloudflare: purge by cache tag (``Cache-Tag``), URLs as Wagtail's backend does.

    Takes the parameters of Wagtail's ``CloudflareBackend``; ``API_URL`` defaults
    to Cloudflare's API.
    """

    tag_header = "Cache-Tag"
    tag_separator = ","
    header_limit = 16 * 1024
    tags_per_request = 30

    def __init__(self, params):
        api_url = params.pop("API_URL", "https://api.cloudflare.com/client/v4")
        self.timeout = params.pop("TIMEOUT", 10)
        super().__init__(params)
        self.tag_purge_url = (
            f"{api_url.rstrip('/')}/zones/{self.cloudflare_zoneid}/purge_cache"
        )

    def auth_headers(self):
        if self.cloudflare_token:
            return {"Authorization": f"Bearer {self.cloudflare_token}"}
        return {
            "X-Auth-Email": self.cloudflare_email,
            "X-Auth-Key": self.cloudflare_api_key,
        }

    def purge_tags(self, tags):
        for chunk in chunks(tags, self.tags_per_request):
            request = Request(  # noqa: S310 - the configured API's https URL
                self.tag_purge_url,
                data=json.dumps({"tags": chunk}).encode(),
                method="POST",
                headers={"Content-Type": "application/json", **self.auth_headers()},
            )
            try:
                with urlopen(request, timeout=self.timeout):  # noqa: S310
                    pass
            except (URLError, OSError) as error:
                logger.error("Could not purge cache tags at Cloudflare: %s", error)


def url_index():
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return RedisURLIndex(backend)
    return CacheURLIndex(backend)


class CacheURLIndex:
    """URLs per tag in any Django cache: a set read and written back (one process)."""

    def __init__(self, backend):
        self.cache = backend

    def add(self, url, tags, timeout):
        keys = [URLS_KEY.format(tag=tag) for tag in tags]
        known = self.cache.get_many(keys)
        self.cache.set_many(
            {
                key: urls | {url}
                for key in keys
                if len(urls := known.get(key, frozenset())) < URLS_PER_TAG
            },
            timeout,
        )

    def urls(self, tags):
        found = self.cache.get_many([URLS_KEY.format(tag=tag) for tag in tags])
        return set().union(*found.values())


class RedisURLIndex:
    """URLs per tag as Redis sets, added to atomically by every worker."""

    def __init__(self, backend):
        self.cache = backend

    def key(self, tag):
        return self.cache.make_and_validate_key(URLS_KEY.format(tag=tag))

    def client(self):
        return self.cache._cache.get_client(write=True)

    def add(self, url, tags, timeout):
        keys = [self.key(tag) for tag in tags]
        pipeline = self.client().pipeline(transaction=False)
        for key in keys:
            pipeline.sadd(key, url)
            pipeline.expire(key, timeout)
            pipeline.scard(key)
        sizes = pipeline.execute()[2::3]
        full = [
            key for key, size in zip(keys, sizes, strict=True) if size > URLS_PER_TAG
        ]
        if full:  # rare: take this URL back out of the sets it overfilled
            pipeline = self.client().pipeline(transaction=False)
            for key in full:
                pipeline.srem(key, url)
            pipeline.execute()

    def urls(self, tags):
        members = self.client().sunion([self.key(tag) for tag in tags])
        return {member.decode() for member in members}
