"""Tier 1: the search and suggest request bodies, as JSON."""

import pytest

from search.backends.elasticsearch.query import (
    build_search,
    build_suggest,
    search_target,
)
from search.query import InvalidQuery, SearchQuery


def body(**kwargs):
    return build_search(SearchQuery(**kwargs).clean()).to_dict()


def test_text_query_searches_the_declared_fields_with_their_boosts():
    query = body(q="Askarov")["query"]
    multi_match = query["multi_match"]
    assert multi_match["query"] == "Askarov"
    assert multi_match["operator"] == "and"
    assert multi_match["fields"][:2] == ["title^2", "summary"]
    assert "person_name^2" in multi_match["fields"]
    assert "tags.name" in multi_match["fields"]
    assert "status" not in multi_match["fields"]  # a filter, not text


def test_filters_facets_sort_and_page():
    result = body(
        q="prison",
        type="cms.casepage",
        country="KG",
        tag="journalist",
        limit=5,
        offset=10,
    )
    assert result["query"]["bool"]["filter"] == [
        {"term": {"facets.type": "cms.CasePage"}},
        {"term": {"facets.country": "KG"}},
        {"term": {"facets.tag": "journalist"}},
    ]
    assert result["aggs"] == {
        name: {"terms": {"field": f"facets.{name}", "size": 50}}
        for name in ("type", "country", "status", "tag")
    }
    assert result["sort"] == [
        {"_score": {"order": "desc"}},
        {"page_id": {"order": "asc"}},
    ]
    assert (result["from"], result["size"]) == (10, 5)
    assert result["track_total_hits"] is True
    assert result["highlight"]["pre_tags"] == ["<mark>"]
    assert "body" in result["highlight"]["fields"]


def test_no_words_lists_everything():
    assert body()["query"] == {"match_all": {}}


def test_locale_picks_the_alias_and_none_searches_all_locales(settings):
    assert search_target("it") == f"{settings.SEARCH['INDEX_PREFIX']}-pages-it"
    assert search_target(None) == f"{settings.SEARCH['INDEX_PREFIX']}-pages-*"


def test_suggest_is_a_bool_prefix_over_the_shingles():
    result = build_suggest("azim", "en", 5).to_dict()
    assert result["query"] == {
        "multi_match": {
            "query": "azim",
            "type": "bool_prefix",
            "fields": ["suggest", "suggest._2gram", "suggest._3gram"],
        }
    }
    assert result["size"] == 5


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"locale": "xx"}, "locale"),
        ({"type": "cms.Nothing"}, "type"),
        ({"limit": 0}, "limit"),
        ({"limit": 51}, "limit"),
        ({"offset": 9_995, "limit": 10}, "offset"),
    ],
)
def test_bad_queries_name_the_field(kwargs, field):
    with pytest.raises(InvalidQuery) as error:
        SearchQuery(**kwargs).clean()
    assert error.value.field == field
