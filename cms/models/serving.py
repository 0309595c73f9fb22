"""Serving a page's own URL: Casebook's rendering, or the front-end."""

from django.http import Http404

from wagtail.coreutils import camelcase_to_underscore

from cms.paths import page_path


class HeadlessServeMixin:
    """A page whose address is its front-end path, served by ``cms.site``.

    ``page.url`` (the admin's "View live", Wagtail's links) is the page's
    front-end path, ``/<language>/<path below home>/``. What that URL answers is
    decided by ``cms.site.serving.serve_page``: a redirect to the front-end when
    ``CASEBOOK_FRONTEND_URL`` is set, else Casebook's HTML rendering of the live
    page (``cms/templates/cms/site/<page type>.html``). Wagtail has applied the
    page's view restrictions by the time ``serve`` is called.
    """

    def serve(self, request, *args, **kwargs):
        # Imported here: the API's modules import the page models.
        from cms.site.serving import serve_page

        return serve_page(request, self)

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:  # not below any site's root
            return None
        site_id, root_url, _path = parts
        return site_id, root_url, page_path(self)

    def get_template(self, request, *args, **kwargs):
        return f"cms/site/{camelcase_to_underscore(type(self).__name__)}.html"

    def get_context(self, request, *args, **kwargs):
        from cms.site.context import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(request, self))
        return context


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
