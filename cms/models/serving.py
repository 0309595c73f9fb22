"""Serving a page's own URL in a headless site: the reader is sent on."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse


class HeadlessServeMixin:
    """Answer a page's URL with a redirect rather than a template.

    Casebook renders no HTML: with ``CASEBOOK_FRONTEND_URL`` set, the reader goes
    to the front-end at the page's path; without it (in development), to the
    delivery API's answer for that path, so "View live" in the admin shows what
    front-ends read. Wagtail has already applied the page's view restrictions
    by the time ``serve`` is called, and the API answers only for public pages.
    """

    def serve(self, request, *args, **kwargs):
        # Imported here: the API's modules import the page models.
        from cms.api.conf import frontend_url
        from cms.api.paths import page_path

        path = page_path(self)
        if frontend_url():
            return redirect(frontend_url() + path)
        find = reverse("cms_api:find_page")
        return redirect(f"{find}?{urlencode({'path': path})}")
