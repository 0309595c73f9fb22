"""Searching the page indexes: query bodies built with ``elasticsearch.dsl.Search``."""

from elasticsearch.dsl import Search
from elasticsearch.dsl.query import MatchAll, MultiMatch

from wagtail.search import index

from ...conf import get_setting
from ...documents import BASE_FIELDS, index_alias
from ...pages import visible_pages
from ...query import FACETS, buckets, empty_facets
from ...registry import own_search_fields, registry
from .client import get_client

RESULT_FIELDS = ["page_id", "type", "title", "summary", "url", "locale"]
FACET_SIZE = 50


def searched_fields():
    """``field^boost`` for every full-text field the page types declare."""
    boosts = {"title": 2.0, "summary": 1.0}
    for model in registry.get_models():
        for field in own_search_fields(model):
            if (
                isinstance(field, index.SearchField)
                and field.field_name not in BASE_FIELDS
            ):
                boosts.setdefault(field.field_name, field.boost or 1.0)
            elif isinstance(field, index.RelatedFields):
                for child in field.fields:
                    if isinstance(child, index.SearchField):
                        boosts.setdefault(
                            f"{field.field_name}.{child.field_name}", child.boost or 1.0
                        )
    return [
        name if boost == 1.0 else f"{name}^{boost:g}" for name, boost in boosts.items()
    ]


def highlighted_fields():
    return [name.partition("^")[0] for name in searched_fields()]


def search_target(locale):
    return index_alias(locale) if locale else f"{get_setting('INDEX_PREFIX')}-pages-*"


def build_search(query):
    """The ``Search`` for a cleaned ``SearchQuery``: filters, facets, highlights, page."""
    search = Search(index=search_target(query.locale)).params(ignore_unavailable=True)
    if query.q:
        search = search.query(
            MultiMatch(
                query=query.q,
                fields=searched_fields(),
                type="best_fields",
                operator="and",
            )
        )
    else:
        search = search.query(MatchAll())
    for name, value in query.filters().items():
        search = search.filter("term", **{f"facets.{name}": value})
    if query.campaign_ids:
        search = search.filter("terms", campaigns=sorted(query.campaign_ids))
    for name in FACETS:
        search.aggs.bucket(name, "terms", field=f"facets.{name}", size=FACET_SIZE)
    search = search.highlight(
        *highlighted_fields(), fragment_size=150, number_of_fragments=2
    ).highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.sort({"_score": {"order": "desc"}}, {"page_id": {"order": "asc"}})
    search = search.source(RESULT_FIELDS).extra(track_total_hits=True)
    return search[query.offset : query.offset + query.limit]


def build_suggest(q, locale, limit):
    fields = ["suggest", "suggest._2gram", "suggest._3gram"]
    search = Search(index=search_target(locale)).params(ignore_unavailable=True)
    search = search.query(MultiMatch(query=q, type="bool_prefix", fields=fields))
    search = search.sort({"_score": {"order": "desc"}}, {"page_id": {"order": "asc"}})
    return search.source(RESULT_FIELDS)[:limit]


def hit_result(hit):
    source = hit.to_dict()
    highlight = getattr(hit.meta, "highlight", None)
    return {
        "id": source["page_id"],
        "type": source["type"],
        "title": source["title"],
        "summary": source.get("summary", ""),
        "url": source.get("url"),
        "locale": source["locale"],
        "highlights": {k: list(v) for k, v in highlight.to_dict().items()}
        if highlight
        else {},
    }


def still_visible(results):
    """Drop hits whose page stopped being live and public since it was indexed.

    Unpublishing or restricting a page removes it in a task; until that task has
    run, the index may still hold it. One query keeps such a page out of answers.
    """
    ids = [hit["id"] for hit in results]
    visible = set(visible_pages().filter(pk__in=ids).values_list("pk", flat=True))
    return [hit for hit in results if hit["id"] in visible]


class ElasticsearchBackend:
    """Answers searches from the per-locale indexes."""

    def search(self, query):
        response = build_search(query).using(get_client()).execute()
        facets = empty_facets()
        aggregations = getattr(response, "aggregations", None)
        for name in FACETS:
            if aggregations is not None and name in aggregations:
                counts = {b.key: b.doc_count for b in aggregations[name].buckets}
                facets[name] = buckets(counts)
        return {
            "count": response.hits.total.value,
            "results": still_visible([hit_result(hit) for hit in response]),
            "facets": facets,
        }

    def suggest(self, q, locale, limit):
        response = build_suggest(q, locale, limit).using(get_client()).execute()
        return still_visible([hit_result(hit) for hit in response])
