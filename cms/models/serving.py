"""Serving a page's own URL: Casebook's rendering, or the front-end."""

from wagtail.coreutils import camelcase_to_underscore


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
        from cms.api.paths import page_path

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
