"""The request's site, and the pages of it a visitor may read.

What a visitor may read is decided in ``cms.visibility``, for every caller; this
module only picks the site from the request's host. The public API answers every
caller as a visitor without a session: a signed-in editor, or a session that
entered a page password, sees what anyone else sees, so answers can be cached
and shared.
"""

from wagtail.models import Page, Site

from cms.api import tags
from cms.visibility import visible_pages


def host_key(request):
    return f"cms.api:site:{request.get_host().lower()}"


def request_site(request):
    """The request's Wagtail site with its root page, cached per host.

    Finding it costs two queries per request otherwise. Every answer read through
    the site is tagged ``site``, which a change of a site or a locale renews, so
    a cached site never outlives its hostname or root.
    """
    tags.add(tags.SITE)
    if "_cms_site" in request.__dict__:
        return request._cms_site
    key = host_key(request)
    found, counter = tags.lookup([key])
    site = found.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - fetched now, so it is cached with the site
            tags.store({key: (site, {tags.SITE})}, counter)
    request._cms_site = site
    return site


def site_pages(request, model=Page):
    """The pages of ``model`` in the request's site that a visitor may read.

    Pages of a given model are queried as a set (a listing, a lookup by slug):
    the answer is tagged with the model, whose set of public pages any publish,
    unpublish, move or restriction of one of them changes.
    """
    if model is not Page:
        tags.add_types([model])
    querysets = request.__dict__.setdefault("_cms_site_pages", {})
    if model not in querysets:
        site = request_site(request)
        querysets[model] = (
            model.objects.none() if site is None else visible_pages(model, site)
        )
    return querysets[model].all()
