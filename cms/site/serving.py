"""What a page's own URL answers: the one function ``serve_page``."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from cms.api import caching, tags
from cms.api.responses import cache_public_response, is_anonymous_read
from cms.conf import frontend_url
from cms.paths import page_path
from cms.site.links import readable_pages

HTML = "text/html; charset=utf-8"


def serve_page(request, page):
    """Answer a request that Wagtail routed to ``page``, the live page.

    Wagtail has applied the page's view restrictions (its ``before_serve_page``
    hooks) before calling ``Page.serve``, and routes only to live pages, so
    ``page`` holds the published content and never a draft.

    - With ``CASEBOOK_FRONTEND_URL``, the reader goes to the front-end at the
      page's path.
    - Otherwise the page's front-end path (``/it/cases/some-case/``) is its one
      address: any other path that routes to it (``/``, or a path without its
      language) redirects there, and the path itself answers the page's
      rendering, shared through the cache with every anonymous reader as the
      API's responses are (tagged with the pages it shows, as they are: ``cms.api.tags``).
    """
    path = page_path(page)
    if frontend_url():
        return redirect(frontend_url() + path)
    if request.path_info != path:
        return redirect(path)
    response = cached_rendering(request, page)
    # The page's language, not the one the visitor's browser asked for.
    response["Content-Language"] = page.locale.language_code
    return response


def render_live(request, page):
    tags.add(tags.page_tag(page.pk))
    response = TemplateResponse(
        request, page.get_template(request), page.get_context(request)
    )
    response.render()
    if (
        is_anonymous_read(request)
        and readable_pages(request).filter(pk=page.pk).exists()
    ):
        return caching.shared_response(request, response.content, HTML)
    # Read with a session (an editor, a page password): never shared.
    patch_cache_control(response, private=True, no_store=True)
    return response


cached_rendering = cache_public_response(render_live, content_type=HTML)
