"""The request's site, and the pages of it a visitor may read.

What a visitor may read is decided in ``cms.visibility``, for every caller; this
module only picks the site from the request's host. The public API answers every
caller as a visitor without a session: a signed-in editor, or a session that
entered a page password, sees what anyone else sees, so answers can be cached
and shared.
"""

from django.core.cache import cache

from wagtail.models import Page, Site

from cms.api import caching
from cms.conf import get_setting
from cms.visibility import visible_pages


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


def site_pages(request, model=Page):
    """The pages of ``model`` in the request's site that a visitor may read."""
    querysets = request.__dict__.setdefault("_cms_site_pages", {})
    if model not in querysets:
        site = request_site(request)
        querysets[model] = (
            model.objects.none() if site is None else visible_pages(model, site)
        )
    return querysets[model].all()
