"""The Redis cache backend, against the local Redis server (skipped without one)."""

import os
import uuid

import pytest
import redis

from cms.api import tags
from cms.cache import RedisCache
from tests.factories import CasePageFactory

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_settings():
    return {
        "BACKEND": "cms.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # no clash with other runs
    }


def worker_cache(params):
    """The cache as another gunicorn worker would open it."""
    return RedisCache(params["LOCATION"], params)


@pytest.fixture
def shared(settings):
    params = redis_settings()
    probe = worker_cache(params)
    try:
        probe.get("ping")
    except redis.ConnectionError:
        pytest.skip(f"no Redis server at {REDIS_URL}")
    settings.CACHES = {"default": params}
    yield params
    client = probe._cache.get_client()
    for key in client.scan_iter(match=f"{params['KEY_PREFIX']}:*"):
        client.delete(key)


def test_one_client_per_pool_is_kept(shared):
    cache = worker_cache(shared)
    assert cache._cache.get_client() is cache._cache.get_client()
    cache.set("k", (1, b"body"))
    assert worker_cache(shared).get_many(["k"]) == {"k": (1, b"body")}


@pytest.mark.django_db
def test_a_tag_renewed_by_another_worker_retires_cached_responses(
    client, shared, django_assert_num_queries, monkeypatch
):
    page = CasePageFactory(title="Before")
    url = f"/api/v1/pages/{page.pk}/"
    assert client.get(url).json()["title"] == "Before"
    with django_assert_num_queries(0):
        assert client.get(url).json()["title"] == "Before"
    # Another worker publishes: the row changes and it renews the page's tag in Redis.
    type(page).objects.filter(pk=page.pk).update(title="After")
    with monkeypatch.context() as other_worker:
        other_worker.setattr(tags, "cache", worker_cache(shared))
        tags.renew({f"page:{page.pk}"})
    assert client.get(url).json()["title"] == "After"
