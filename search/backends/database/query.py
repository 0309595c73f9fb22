"""Searching without Elasticsearch: the embedded index, same answer shape.

Filters and facet counts are plain ORM queries over the live, public pages of the
registered types; the text match is the embedded index (``store.match``), each
locale's pages analysed by their own language's rules. There is no highlighting
here (see search/README.md).
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldError
from django.db.models import BooleanField, Count, FloatField
from django.db.models.expressions import RawSQL

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.api.guards import search_words

from ...conf import get_setting
from ...documents import page_path
from ...pages import visible_pages as public_pages
from ...query import FACETS, buckets, empty_facets
from ...registry import registry
from ...values import summary_of
from . import store

# The text search is ranked in Python; more matches than this are not looked at.
MAX_MATCHES = 1000


@functools.cache
def facet_lookups(model, name):
    """ORM lookups (``country__iso_code``) for a facet's paths that ``model`` has."""
    lookups = []
    for path in get_setting("FACETS").get(name, []):
        lookup = path.replace(".", "__")
        try:
            model.objects.values(lookup).query  # noqa: B018  (resolves the lookup)
        except FieldError:
            continue
        lookups.append(lookup)
    return lookups


def pages_with_facet(name, value):
    """Primary keys of registered pages whose facet ``name`` has ``value``."""
    if name == "type":
        model = registry.get_model(value)
        return Page.objects.filter(
            content_type=ContentType.objects.get_for_model(model)
        )
    pks = set()
    for model in registry.get_models():
        for lookup in facet_lookups(model, name):
            pks.update(
                model.objects.filter(**{lookup: value}).values_list("pk", flat=True)
            )
    return Page.objects.filter(pk__in=pks)


def visible_pages(query):
    content_types = ContentType.objects.get_for_models(*registry.get_models()).values()
    pages = public_pages().filter(content_type__in=list(content_types))
    if query.locale:
        pages = pages.filter(locale__language_code__iexact=query.locale)
    for name, value in query.filters().items():
        pages = pages.filter(pk__in=pages_with_facet(name, value).values("pk"))
    if query.campaign_ids:
        pages = pages.filter(pk__in=pages_in_campaigns(query.campaign_ids))
    return pages


def pages_in_campaigns(ids):
    """Primary keys of registered pages that chose one of the campaigns ``ids``."""
    pks = set()
    for model in registry.get_models():
        if any(f.name == "campaigns" for f in model._meta.many_to_many):
            pks.update(
                model.objects.filter(campaigns__in=ids).values_list("pk", flat=True)
            )
    return pks


def ranked_ids(query, pages):
    """Matching page ids, by score then id, as Elasticsearch sorts them."""
    if not query.q:
        return list(pages.order_by("pk").values_list("pk", flat=True))
    from ...models import PageText

    languages = [query.locale] if query.locale else None
    matched = store.match(query.q, languages)
    if matched is None:  # nothing searchable in the words (stop words, punctuation)
        return []
    where, where_params, score, score_params = matched
    rows = (
        PageText.objects.filter(page_id__in=pages.values("pk"))
        # Parameters are bound; the SQL is built from constants and column names.
        .filter(RawSQL(where, where_params, output_field=BooleanField()))  # noqa: S611
        .annotate(score=RawSQL(score, score_params, output_field=FloatField()))  # noqa: S611
        .order_by("-score", "page_id")
        .values_list("page_id", flat=True)
    )
    return list(rows[:MAX_MATCHES])


def stock_ranked_ids(query, pages):
    """What Wagtail's own database search (``WAGTAILSEARCH_BACKENDS``) would match.

    Kept to compare with: the relevance command and the benchmark measure both.
    """
    if not query.q:
        return list(pages.order_by("pk").values_list("pk", flat=True))
    words = search_words(query.q)  # never the raw text: it is a query language
    if not words:
        return []
    candidates = Page.objects.filter(pk__in=list(pages.values_list("pk", flat=True)))
    results = get_search_backend().search(words, candidates).annotate_score("_score")
    scored = [(page.pk, page._score or 0) for page in results[:MAX_MATCHES]]
    return [pk for pk, _score in sorted(scored, key=lambda item: (-item[1], item[0]))]


def facet_counts(ids):
    """Each facet's counts over the matching pages, counted by the database."""
    facets = empty_facets()
    # order_by(): Page orders by path, which would otherwise split the groups.
    matching = Page.objects.filter(pk__in=ids).order_by()
    by_type = matching.values("content_type").annotate(n=Count("pk"))
    types = ContentType.objects.in_bulk([row["content_type"] for row in by_type])
    facets["type"] = buckets(
        {
            types[row["content_type"]].model_class()._meta.label: row["n"]
            for row in by_type
        }
    )
    for name in FACETS[1:]:
        counts = {}
        for model in registry.get_models():
            for lookup in facet_lookups(model, name):
                rows = (
                    model.objects.filter(pk__in=ids)
                    .exclude(**{f"{lookup}__isnull": True})
                    .values(lookup)
                    .annotate(n=Count("pk", distinct=True))
                )
                for row in rows:
                    value = str(row[lookup])
                    counts[value] = counts.get(value, 0) + row["n"]
        facets[name] = buckets(counts)
    return facets


def result(page):
    code = page.locale.language_code.lower()
    return {
        "id": page.pk,
        "type": page._meta.label,
        "title": page.title,
        "summary": summary_of(page),
        "url": page_path(page, code),
        "locale": code,
        "highlights": {},
    }


def in_order(ids):
    pages = Page.objects.filter(pk__in=ids).select_related("locale").specific()
    by_pk = {page.pk: page for page in pages}
    return [by_pk[pk] for pk in ids if pk in by_pk]


class DatabaseBackend:
    """Answers searches from the database when no Elasticsearch URL is set."""

    rank = staticmethod(ranked_ids)

    def search(self, query):
        ids = self.rank(query, visible_pages(query))
        window = ids[query.offset : query.offset + query.limit]
        return {
            "count": len(ids),
            "results": [result(page) for page in in_order(window)],
            "facets": facet_counts(ids),
        }

    def suggest(self, q, locale, limit):
        from ...query import SearchQuery

        candidates = visible_pages(SearchQuery(locale=locale))
        pages = Page.objects.filter(
            pk__in=list(candidates.values_list("pk", flat=True))
        )
        words = search_words(q)
        if not words:
            return []
        matches = get_search_backend().autocomplete(words, pages)[:limit]
        return [result(page) for page in in_order([page.pk for page in matches])]


class StockDatabaseBackend(DatabaseBackend):
    """The same answers, matched by Wagtail's own database search: for comparison."""

    rank = staticmethod(stock_ranked_ids)
