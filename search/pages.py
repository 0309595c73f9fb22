"""Which pages the index holds, read from the database for every backend.

``visible_pages()`` is the one visibility rule of the plugin: both the
Elasticsearch indexes and the embedded database index hold only what it returns,
and answers are checked against it.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page

from cms import visibility

from .conf import get_setting
from .registry import registry


def visible_pages(model=Page):
    """Pages the public may see: core's one rule (``cms.visibility``)."""
    return visibility.visible_pages(model)


def locale_codes():
    return [
        code.lower() for code in Locale.objects.values_list("language_code", flat=True)
    ]


def visible_ids(language_code):
    """Primary keys of the locale's live, public pages of registered types."""
    content_types = ContentType.objects.get_for_models(*registry.get_models())
    return set(
        visible_pages()
        .filter(
            locale__language_code__iexact=language_code,
            content_type__in=list(content_types.values()),
        )
        .values_list("pk", flat=True)
    )


def prefetches(model):
    """Relations that documents of ``model`` follow, so bulk loads fetch them once."""
    lookups = set()
    for paths in get_setting("FACETS").values():
        for path in paths:
            head = path.split(".")[0]
            if "." in path and hasattr(model, head):
                lookups.add(head)
    return sorted(lookups)


def with_relations(queryset, model):
    """Fetch what documents of ``model`` read from relations in a few queries."""
    queryset = queryset.prefetch_related(*prefetches(model))
    for field in model.get_search_fields():
        if hasattr(field, "select_on_queryset"):
            queryset = field.select_on_queryset(queryset)
    return queryset


def pages_for_locale(language_code, queryset=None):
    """The locale's live, public pages of every registered type, as specific pages."""
    queryset = visible_pages() if queryset is None else queryset
    for model in registry.get_models():
        pages = (
            model.objects.filter(pk__in=queryset.values("pk"))
            .exact_type(model)
            .filter(locale__language_code__iexact=language_code)
            .order_by("pk")
        )
        pages = with_relations(pages, model)
        yield from pages.iterator(chunk_size=get_setting("BULK_CHUNK_SIZE"))


def stored_page(model, pk):
    """The stored page if it is live, public and of a registered type, else None.

    A publish names the page's own class, so its fields come in one query; other
    events name ``Page`` and take one more.
    """
    if model in registry:
        queryset = with_relations(visible_pages(model).select_related("locale"), model)
        page = queryset.filter(pk=pk).first()
        if page is None or page.specific_class is type(page):
            return page
    page = visible_pages().filter(pk=pk).first()
    if page is None or page.specific_class not in registry:
        return None
    return page.specific
