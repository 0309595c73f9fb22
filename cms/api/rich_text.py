"""Internal links in rich text: front-end paths, and nothing a visitor may not read.

This is a headless CMS: a page's public address is its front-end path (see
``cms.paths``), not the URL Wagtail would serve it at. The link handlers
replace Wagtail's ``page`` and ``document`` handlers, so ``expand_db_html`` gives
the same links in this API, in Wagtail API v2 and anywhere else rich text is
rendered. A link to a page a visitor may not read (a draft, an unpublished page,
a page under a password, login or group restriction: ``cms.visibility``) loses
its ``href``, as a link to a deleted page does; so does a link to a document in a
restricted collection. The slug of a private case is usually the person's name.

A link goes to the reader's language where it can: while ``reading_language``
names one (the API's page detail sets the page's own), a link to a page that has
a visible translation in that language leads to the translation.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.html import escape

from wagtail import hooks
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.api import tags
from cms.paths import frontend_path
from cms.visibility import visible_documents, visible_pages

_reader_language = ContextVar("reader_language", default=None)


@contextmanager
def reading_language(language_code):
    """Resolve page links to their translations in ``language_code`` inside."""
    token = _reader_language.set(language_code)
    try:
        yield
    finally:
        _reader_language.reset(token)


def numeric_ids(attrs_list):
    return [str(attrs.get("id")) for attrs in attrs_list]


def translated_targets(pks, language_code):
    """Linked page id → (id, path) of its visible translation in ``language_code``."""
    translations = visible_pages().filter(
        locale__language_code=language_code,
        translation_key__in=Page.objects.filter(pk__in=pks).values("translation_key"),
    )
    found = {
        key: (pk, frontend_path(url_path, code))
        for pk, key, url_path, code in translations.values_list(
            "pk", "translation_key", "url_path", "locale__language_code"
        )
    }
    linked = Page.objects.filter(pk__in=pks, translation_key__in=list(found))
    return {
        str(pk): found[key] for pk, key in linked.values_list("pk", "translation_key")
    }


class FrontendPageLinkHandler(PageLinkHandler):
    @classmethod
    def resolve_many(cls, attrs_list):
        """``(page id, front-end path)`` of each link, or None where a visitor may
        not follow it. The rich text tree asks this too (``caseblocks.blocks.tree``)."""
        ids = numeric_ids(attrs_list)
        pks = [i for i in ids if i.isdigit()]
        # Linked pages tag the answer, followable or not (cms.api.tags).
        tags.add_pages(pks)
        pages = visible_pages().filter(pk__in=pks)
        targets = {
            str(pk): (pk, frontend_path(url_path, language_code))
            for pk, url_path, language_code in pages.values_list(
                "pk", "url_path", "locale__language_code"
            )
        }
        language = _reader_language.get()
        if language and targets:
            targets.update(translated_targets(list(targets), language))
        return [targets.get(i) for i in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(target[1])}">' if target else "<a>"
            for target in cls.resolve_many(attrs_list)
        ]


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
