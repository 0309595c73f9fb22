"""Writing pages to Elasticsearch, always from the stored, live and public page."""

from elasticsearch.helpers import bulk

from django.apps import apps
from django.utils import timezone

from wagtail.models import Page

from ...analysis import use_icu
from ...documents import (
    build_document,
    concrete_index,
    document_source,
    index_alias,
)
from ...pages import locale_codes, pages_for_locale, stored_page, visible_pages
from .client import get_client, known_aliases


class IndexWriteError(Exception):
    """Elasticsearch answered, but refused some of the writes."""


def new_index_name(language_code):
    return f"{index_alias(language_code)}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(client, language_code, name, with_alias=False):
    idx = concrete_index(language_code, name, icu=use_icu(client))
    if with_alias:
        idx.aliases(**{index_alias(language_code): {}})
    idx.create(using=client)
    return idx


def ensure_alias(client, language_code):
    """Make the locale's first index if there is none yet.

    Writing to a missing alias would make Elasticsearch create a plain index with
    guessed mappings under the alias's name, so the first write creates it properly.
    """
    alias = index_alias(language_code)
    if alias in known_aliases():
        return alias
    if not client.indices.exists_alias(name=alias):
        create_index(client, language_code, new_index_name(language_code), True)
    known_aliases().add(alias)
    return alias


def index_actions(pages, language_code, index_name):
    """Bulk ``index`` actions for pages that are known to be live and public."""
    for page in pages:
        source = document_source(page, language_code)
        yield {"_index": index_name, "_id": str(page.pk), "_source": source}


def delete_actions(page_ids, language_codes):
    for code in language_codes:
        for pk in page_ids:
            yield {"_op_type": "delete", "_index": index_alias(code), "_id": str(pk)}


def remove_pages(client, page_ids):
    """Delete pages from every locale's index; ones that are not there are fine."""
    _, errors = bulk(
        client, delete_actions(page_ids, locale_codes()), raise_on_error=False
    )
    missing = {"not_found", "index_not_found_exception"}
    real = [
        e
        for e in errors
        if e["delete"].get("result") not in missing
        and e["delete"].get("error", {}).get("type") not in missing
    ]
    if real:
        raise IndexWriteError(f"Elasticsearch refused to delete: {real[:3]}")


def sync_page(app_label, model_name, pk):
    """Index the stored page if it is live and public, otherwise remove it.

    Returns "indexed" or "removed". Never trusts an in-memory instance: a draft
    save leaves the stored row live while the instance holds the draft.
    """
    model = apps.get_model(app_label, model_name)
    page = stored_page(model, pk) if issubclass(model, Page) else None
    client = get_client()
    if page is None:
        remove_pages(client, [pk])
        return "removed"
    code = page.locale.language_code.lower()
    alias = ensure_alias(client, code)
    document = build_document(page, code)
    client.index(index=alias, id=str(page.pk), document=document.to_dict())
    return "indexed"


def sync_subtree(page_pk):
    """Re-decide a page and everything below it (after a move or a privacy change)."""
    root = Page.objects.filter(pk=page_pk).first()
    if root is None:
        return 0
    subtree = Page.objects.descendant_of(root, inclusive=True)
    client = get_client()
    visible = set(
        visible_pages().filter(pk__in=subtree.values("pk")).values_list("pk", flat=True)
    )
    hidden = set(subtree.values_list("pk", flat=True)) - visible
    if hidden:
        remove_pages(client, sorted(hidden))
    count = 0
    codes = (
        Page.objects.filter(pk__in=visible)
        .values_list("locale__language_code", flat=True)
        .distinct()
    )
    for code in {code.lower() for code in codes}:
        alias = ensure_alias(client, code)
        pages = pages_for_locale(code, visible_pages().filter(pk__in=visible))
        ok, _ = bulk(client, index_actions(pages, code, alias))
        count += ok
    return count
