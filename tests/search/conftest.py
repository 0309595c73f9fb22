import pytest

from search.backends.elasticsearch.client import reset_client

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
