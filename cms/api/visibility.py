"""What an anonymous reader may see: the only pages the public API serves.

Wagtail's ``get_public_pages_queryset`` (shared by its API v2 and v3) decides:
live pages, without a view restriction, in the requested site. It asks each view
restriction whether the request passes it, and a signed-in editor or a session
that entered a page password would pass. The public API answers every caller as
an anonymous reader, so responses can be cached and shared.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from wagtail.api.querysets import get_public_pages_queryset
from wagtail.models import Page, Site

from cms.api import caching
from cms.api.conf import get_setting


class AnonymousRequest:
    """The request as an anonymous reader without a session would make it."""

    def __init__(self, request):
        self._request = request
        self.user = AnonymousUser()
        self.session = {}

    def __getattr__(self, name):
        return getattr(self._request, name)


def request_site(request):
    """The request's Wagtail site with its root page, cached per host and generation.

    Finding it costs two queries per request otherwise; any site or page change
    renews the generation, so a cached site never outlives its hostname or root.
    """
    key = f"cms.api:site:{request.get_host().lower()}:{caching.generation()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - fetched now, so it is cached with the site
            cache.set(key, site, get_setting("CACHE_TIMEOUT"))
    return site


def anonymous_request(request):
    """One AnonymousRequest per request, so the site is found once."""
    anonymous = request.__dict__.get("_cms_anonymous")
    if anonymous is None:
        anonymous = request._cms_anonymous = AnonymousRequest(request)
        if "site" not in request.GET:  # ?site= picks another: leave it to Wagtail
            anonymous._wagtail_site = request_site(request)
    return anonymous


def public_pages(request, model=Page):
    """Live public pages of ``model`` in the request's site, for an anonymous reader."""
    querysets = request.__dict__.setdefault("_cms_public_pages", {})
    if model not in querysets:
        querysets[model] = get_public_pages_queryset(anonymous_request(request), model)
    return querysets[model].all()
