"""Serving a page's own URL in a headless site: the reader is sent on."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse


class HeadlessServeMixin:
    """Answer a page's URL with a redirect rather than a template.

    Casebook renders no HTML: with ``CASEBOOK_FRONTEND_URL`` set, the reader goes
    to the front-end at the page's path; without it (in development), to the
    delivery API's answer for that path, so "View live" in the admin shows what
    front-ends read. Wagtail has already applied the page's view restrictions
    by the time ``serve`` is called (``hide_restricted_pages``), and the API
    answers only for public pages.
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


def hide_restricted_pages(page, request, serve_args, serve_kwargs):
    """Answer a restricted page's URL as if no page were there (a 404).

    Wagtail would show a password form, or send the visitor to the login page
    with the path in ``next``: either tells a stranger that a hidden page of
    that name exists, and the slug of a private case is usually the person's
    name. A visitor who passes every restriction on the way up is served as on a
    public page. Whoever was given a page's password is given the form's own
    address with it, ``/_util/authenticate_with_password/<restriction>/<page>/``
    (docs/security.md). A ``before_serve_page`` hook: it runs before Wagtail's
    own restriction check, an ``on_serve_page`` hook.
    """
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
