"""Wagtail's preview of a page: Casebook's rendering, and the front-end's."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from cms import preview
from cms.conf import frontend_url

FRONTEND_MODE = "frontend"


class FrontendPreviewMixin:
    """Preview modes: the page as Casebook renders it, and as the front-end does.

    Wagtail's preview (the editor's side panel and "Preview in new tab") calls
    ``serve_preview`` with the page built from the editor's unsaved form.

    - The default mode ``""`` renders that draft with the page's own template
      (``HeadlessServeMixin``), on every device size of the panel.
    - With ``CASEBOOK_FRONTEND_URL`` set, the ``frontend`` mode is offered too,
      and is the default: the draft is stashed for a signed, expiring link
      (``cms.preview``), and a small page frames the front-end at the page's
      path with ``?preview_token=``.
    """

    frontend_preview_template = "cms/frontend_preview.html"

    @property
    def preview_modes(self):
        modes = [("", _("Casebook"))]
        if frontend_url():
            modes.insert(0, (FRONTEND_MODE, _("Front-end")))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == FRONTEND_MODE:
            response = self.serve_frontend_preview(request)
        else:
            response = TemplateResponse(
                request, self.get_template(request), self.get_context(request)
            )
        patch_cache_control(response, private=True, no_store=True)
        return response

    def serve_frontend_preview(self, request):
        context = {"page": self}
        if self.pk is not None and frontend_url():  # else: nothing to name yet
            draft = preview.stash_draft(self)
            context["frontend_url"] = preview.frontend_preview_url(self, draft)
        return TemplateResponse(request, self.frontend_preview_template, context)
