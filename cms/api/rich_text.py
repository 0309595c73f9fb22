"""Internal links in rich text: front-end paths, and nothing a visitor may not read.

This is a headless CMS: a page's public address is its front-end path (see
``cms.paths``), not the URL Wagtail would serve it at. The link handlers
replace Wagtail's ``page`` and ``document`` handlers, so ``expand_db_html`` gives
the same links in this API, in Wagtail API v2 and anywhere else rich text is
rendered. A link to a page a visitor may not read (a draft, an unpublished page,
a page under a password, login or group restriction: ``cms.visibility``) loses
its ``href``, as a link to a deleted page does; so does a link to a document in a
restricted collection. The slug of a private case is usually the person's name.
"""

from django.utils.html import escape

from wagtail import hooks
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from cms.paths import frontend_path
from cms.visibility import visible_documents, visible_pages


def numeric_ids(attrs_list):
    return [str(attrs.get("id")) for attrs in attrs_list]


class FrontendPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = numeric_ids(attrs_list)
        pages = visible_pages().filter(pk__in=[i for i in ids if i.isdigit()])
        paths = {
            str(pk): frontend_path(url_path, language_code)
            for pk, url_path, language_code in pages.values_list(
                "pk", "url_path", "locale__language_code"
            )
        }
        return [f'<a href="{escape(paths[i])}">' if i in paths else "<a>" for i in ids]


class VisibleDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = numeric_ids(attrs_list)
        documents = visible_documents().in_bulk([int(i) for i in ids if i.isdigit()])
        urls = {str(pk): document.url for pk, document in documents.items()}
        return [f'<a href="{escape(urls[i])}">' if i in urls else "<a>" for i in ids]


def register_link_handlers(features):
    features.register_link_type(FrontendPageLinkHandler)
    features.register_link_type(VisibleDocumentLinkHandler)


def register_rich_text_link_handler():
    # After Wagtail's own registrations (order 0), which would otherwise win.
    hooks.register("register_rich_text_features", register_link_handlers, order=100)
