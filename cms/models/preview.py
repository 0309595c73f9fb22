"""Preview pages on the headless front-end, through Wagtail's own preview."""

import json

from django.template.response import TemplateResponse


class FrontendPreviewMixin:
    """Show the editor's draft as the front-end will, rather than with a template.

    Wagtail's preview (the editor's side panel and "Preview in new tab") calls
    ``serve_preview`` with the page built from the editor's unsaved form. That
    content is stashed for a signed, expiring link (``cms.api.preview``), and a
    small page frames the front-end at the page's path with ``?preview_token=``.
    Without ``CASEBOOK_FRONTEND_URL`` (in development) it shows the draft's JSON
    as ``/api/v1/preview/`` gives it, with a link to that endpoint.
    """

    preview_template = "cms/frontend_preview.html"

    def serve_preview(self, request, mode_name):
        # Imported here: the API's modules import the page models.
        from cms.api import preview
        from cms.api.conf import frontend_url
        from cms.api.serialise import detail
        from cms.api.sites import site_pages

        context = {"page": self}
        if self.pk is None:  # a new page: nothing a link could name yet
            return TemplateResponse(request, self.preview_template, context)
        draft = preview.stash_draft(self)
        if frontend_url():
            context["frontend_url"] = preview.frontend_preview_url(self, draft)
        else:
            context["api_url"] = preview.api_preview_url(
                preview.make_token(self, draft)
            )
            data = detail(self, site_pages(request))
            context["api_json"] = json.dumps(data, indent=2, default=str)
        return TemplateResponse(request, self.preview_template, context)
