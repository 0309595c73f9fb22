import os

import pytest

from search.backends.elasticsearch.client import get_client, reset_client

from .fake_es import CURRENT, FakeCluster, FakeNode


@pytest.fixture
def fake_es(settings):
    """Point the search plugin at a fake Elasticsearch node; yields the fake cluster."""
    cluster = FakeCluster()
    CURRENT["cluster"] = cluster
    settings.SEARCH = {
        **settings.SEARCH,
        "URL": "http://fake-es:9200",
        "CONNECTION": {"node_class": FakeNode, "max_retries": 0},
    }
    yield cluster
    reset_client()


@pytest.fixture
def autosync(settings):
    settings.SEARCH = {**settings.SEARCH, "AUTOSYNC": True}


def pytest_runtest_setup(item):
    if item.get_closest_marker("elasticsearch") and not os.environ.get(
        "ELASTICSEARCH_URL"
    ):
        pytest.skip(
            "ELASTICSEARCH_URL is not set: no real Elasticsearch cluster to test"
        )


@pytest.fixture
def real_es(settings):
    """The cluster at ELASTICSEARCH_URL, with this worker's indexes removed afterwards."""
    settings.SEARCH = {
        **settings.SEARCH,
        "URL": os.environ["ELASTICSEARCH_URL"],
        "AUTOSYNC": True,
        "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 0},
    }
    reset_client()
    client = get_client()
    if not client.ping():
        pytest.skip(
            f"Elasticsearch at {os.environ['ELASTICSEARCH_URL']} does not answer"
        )
    pattern = f"{settings.SEARCH['INDEX_PREFIX']}-pages-*"
    client.indices.delete(
        index=pattern, ignore_unavailable=True, expand_wildcards="all"
    )
    yield client
    client.indices.delete(
        index=pattern, ignore_unavailable=True, expand_wildcards="all"
    )
    reset_client()


def index_in_database():
    """Fill the embedded index from the stored pages, as ``search_index --rebuild`` does."""
    from search.backends.database.indexing import rebuild
    from search.pages import locale_codes

    for code in locale_codes():
        rebuild(code)
