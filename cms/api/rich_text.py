"""Internal page links in rich text point at front-end paths.

This is a headless CMS: a page's public address is its front-end path (see
``cms.api.paths``), not the URL Wagtail would serve it at. The link handler
replaces Wagtail's ``page`` handler, so ``expand_db_html`` gives the same links in
this API, in Wagtail API v2 and anywhere else rich text is rendered. Links to
pages that are not live lose their ``href``, as links to deleted pages do.
"""

from django.utils.html import escape

from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.api.paths import frontend_path


class FrontendPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = Page.objects.live().filter(pk__in=[i for i in ids if i.isdigit()])
        paths = {
            str(pk): frontend_path(url_path, language_code)
            for pk, url_path, language_code in pages.values_list(
                "pk", "url_path", "locale__language_code"
            )
        }
        return [f'<a href="{escape(paths[i])}">' if i in paths else "<a>" for i in ids]


def register_link_handler(features):
    features.register_link_type(FrontendPageLinkHandler)


def register_rich_text_link_handler():
    # After Wagtail's own registration (order 0), which would otherwise win.
    hooks.register("register_rich_text_features", register_link_handler, order=100)
