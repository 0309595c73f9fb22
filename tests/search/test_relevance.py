"""The judged query set: well formed, met by the embedded default, and sent to
Elasticsearch as bodies that its analysers answer."""

import pytest

from django.core.management import call_command
from django.db import connection

from search.analysis import language_analyzer
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch.query import build_search
from search.documents import concrete_index, index_alias
from search.pages import visible_pages
from search.query import SearchQuery
from search.relevance.evaluate import measure, recorded
from search.relevance.queries import JUDGED

from .conftest import index_in_database

KINDS = {"word", "inflected", "phrase", "name", "cjk", "misspelling"}
ANALYSERS = {"en": "english", "it": "italian", "ru": "russian", "zh-hant": "cjk"}


@pytest.fixture
def demo(db):
    from cms.demo.build import build_demo

    build_demo()


def demo_paths():
    from search.documents import page_path

    return {page_path(page) for page in visible_pages().specific() if page.depth > 1}


def test_each_language_has_fifteen_queries_of_every_kind():
    for language, judged in JUDGED.items():
        assert len(judged) >= 15, language
        kinds = {kind for kind, _q, _expected in judged}
        assert kinds <= KINDS
        assert {"phrase", "name", "misspelling"} <= kinds, language
        assert ("cjk" if language == "zh-hant" else "inflected") in kinds, language
        queries = [q for _kind, q, _expected in judged]
        assert len(set(queries)) == len(queries), language


@pytest.mark.django_db
def test_the_embedded_default_keeps_its_recorded_figures(demo):
    """Every expected page exists in the demo, and no language falls below its record."""
    paths = demo_paths()
    for language, judged in JUDGED.items():
        for _kind, q, expected in judged:
            assert set(expected) <= paths, (language, q)
    index_in_database()
    backend = DatabaseBackend()
    for language in JUDGED:
        floor = recorded(language)
        assert floor is not None, f"nothing recorded for {connection.vendor}"
        figures = measure(backend, language)
        assert figures.recall >= floor[0] and figures.mrr >= floor[1], language


@pytest.mark.parametrize("language", list(JUDGED))
def test_judged_queries_become_bodies_that_the_locale_analyser_answers(language):
    """Each query searches its locale's alias, in fields analysed for its language."""
    assert language_analyzer(language) == ANALYSERS[language]
    properties = concrete_index(language, "x").to_dict()["mappings"]["properties"]
    for _kind, q, _expected in JUDGED[language]:
        search = build_search(SearchQuery(q=q, locale=language).clean())
        assert search._index == [index_alias(language)]
        match = search.to_dict()["query"]["multi_match"]
        assert (match["query"], match["operator"]) == (q, "and")
        assert match["fields"]
        for field in match["fields"]:
            node = {"properties": properties}
            for part in field.partition("^")[0].split("."):
                node = node["properties"][part]
            assert (node["type"], node["analyzer"]) == ("text", ANALYSERS[language])


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_figures_on_a_real_cluster(demo, real_es, capsys):
    from search.backends.elasticsearch.query import ElasticsearchBackend

    call_command("search_index", "--rebuild")
    real_es.indices.refresh(index=index_alias("*"))
    for language in JUDGED:
        figures = measure(ElasticsearchBackend(), language)
        with capsys.disabled():
            print(  # noqa: T201  (the figures are the point of this test)
                f"elasticsearch {language}: recall@5 {figures.recall:.3f}, "
                f"MRR {figures.mrr:.3f}"
            )
        assert figures.recall >= 0.5, figures
