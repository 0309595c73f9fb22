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


def other_process_renews(params, page):
    """A renewal of ``page``'s tag as another process writes it: one ``MSET`` on
    its own connection, which this process hears of only through Redis."""
    other = worker_cache(params)
    other.set_many(
        {
            tags.VERSION_KEY.format(tag=f"page:{page.pk}"): tags.fresh_counter(),
            tags.COUNTER_KEY: tags.fresh_counter(),
        },
        None,
    )


def counter_watch(params):
    return worker_cache(params).watch(tags.COUNTER_KEY)


@pytest.mark.django_db
def test_a_repeated_hit_makes_no_round_trip_while_the_counter_stands(
    client, shared, redis_commands
):
    page = CasePageFactory(title="Before")
    url = f"/api/v1/pages/{page.pk}/"
    first = client.get(url)
    client.get(url)  # found current in Redis, and kept
    redis_commands.clear()
    again = client.get(url)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert redis_commands == []


@pytest.mark.django_db
def test_a_renewal_another_process_writes_drops_what_this_one_kept(client, shared):
    page = CasePageFactory(title="Before")
    url = f"/api/v1/pages/{page.pk}/"
    client.get(url)
    assert client.get(url).json()["title"] == "Before"
    watch = counter_watch(shared)
    kept = watch.mark()
    type(page).objects.filter(pk=page.pk).update(title="After")
    other_process_renews(shared, page)
    watch.wait_past(kept)  # Redis's push has arrived
    assert watch.mark() not in (kept, None)
    assert client.get(url).json()["title"] == "After"


@pytest.mark.django_db
def test_a_lost_watch_vouches_for_nothing(client, shared, monkeypatch):
    monkeypatch.setattr("cms.cache.KeyWatch.RETRY_AFTER", 60)
    page = CasePageFactory(title="Before")
    url = f"/api/v1/pages/{page.pk}/"
    client.get(url)
    client.get(url)
    watch = counter_watch(shared)
    host, port = watch.connection._sock.getsockname()[:2]
    probe = worker_cache(shared)._cache.get_client(write=True)
    assert probe.client_kill(f"{host}:{port}")
    # Its pushes can no longer come: the renewal is seen through Redis instead.
    type(page).objects.filter(pk=page.pk).update(title="After")
    other_process_renews(shared, page)
    assert client.get(url).json()["title"] == "After"
    assert watch.mark() is None


def test_a_watch_with_no_word_of_a_write_ends(shared, monkeypatch):
    monkeypatch.setattr("cms.cache.KeyWatch.RETRY_AFTER", 60)
    watch = counter_watch(shared)
    watch.close()
    monkeypatch.setattr(watch, "retry_at", 0.0)
    mark = watch.mark()
    assert mark is not None
    watch.wait_past(mark, timeout=0.01)  # nothing was written
    assert watch.mark() is None


def test_a_renewal_returns_once_this_process_heard_it(shared, monkeypatch):
    watch = counter_watch(shared)
    before = watch.mark()
    waited = []
    wait_past = type(watch).wait_past
    monkeypatch.setattr(
        type(watch),
        "wait_past",
        lambda self, mark, timeout=None: (
            waited.append(mark) or wait_past(self, mark, timeout)
        ),
    )
    tags.renew({"page:1"})
    assert waited == [before]
    assert watch.mark() not in (before, None)


def test_a_forked_process_opens_a_watch_of_its_own(shared):
    watch = counter_watch(shared)
    mark, connection = watch.mark(), watch.connection
    watch.pid = -1  # as a child process finds it
    assert watch.mark() not in (mark, None)
    assert watch.connection is not connection


def test_no_watch_is_kept_where_the_pushes_do_not_arrive(shared, monkeypatch):
    watch = counter_watch(shared)
    watch.close()
    monkeypatch.setattr(watch, "retry_at", 0.0)
    # As behind a proxy that accepts CLIENT TRACKING but never passes a push on.
    monkeypatch.setattr(watch, "write_probe", lambda probe: None)
    monkeypatch.setattr(watch, "WAIT", 0.01)
    assert watch.mark() is None
    assert watch.connection is None


def test_a_watch_leaves_no_probe_behind_to_expire_later(shared, monkeypatch):
    watch = counter_watch(shared)
    watch.close()
    monkeypatch.setattr(watch, "retry_at", 0.0)
    written = []
    write_probe = watch.write_probe
    monkeypatch.setattr(
        watch, "write_probe", lambda probe: written.append(probe) or write_probe(probe)
    )
    mark = watch.mark()
    assert mark is not None
    client = worker_cache(shared)._cache.get_client(write=True)
    assert written
    assert not client.exists(*written)
    assert watch.mark() == mark  # the deletion's push was heard before the mark
