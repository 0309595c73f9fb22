import os
import uuid

import pytest

from cms.models import HomePage


@pytest.fixture
def home_page(db):
    """The HomePage that the cms migrations put at the root of the default site."""
    return HomePage.objects.get(depth=2)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database rolls back, cached API
    responses would not."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_collection_modifyitems(items):
    """Restore the migrated rows (root page, site, locale) for every transactional test.

    A transactional test empties the database when it ends, so without this the
    next one in the same worker would find no root page. Serialized rollback loads
    the rows the migrations made back in before each such test.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction")) or any(
            name in item.fixturenames for name in ("transactional_db", "live_server")
        )
        if transactional:
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True}
            kwargs["serialized_rollback"] = True
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Let every connection object restore the migrated rows.

    Django keeps the serialized rows on the connection object that created the
    test database. Playwright's sync API runs the browser tests in a greenlet with
    its own context, where Django hands out a fresh connection object without them,
    so a transactional test there would start from an emptied database.
    """
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture
def redis_cache(settings):
    """The default cache on the local Redis, under a prefix of its own; skipped
    without a server. Yields the cache."""
    redis = pytest.importorskip("redis")
    from django.core.cache import caches

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis server")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    yield caches["default"]
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def redis_commands(monkeypatch):
    """The names of the Redis commands sent from here on, in order."""
    from redis.connection import Connection

    commands = []
    send_command, pack_commands = Connection.send_command, Connection.pack_commands

    def one(self, *args, **kwargs):
        commands.append(args[0])
        return send_command(self, *args, **kwargs)

    def many(self, batch):
        commands.extend(args[0] for args in batch)
        return pack_commands(self, batch)

    monkeypatch.setattr(Connection, "send_command", one)
    monkeypatch.setattr(Connection, "pack_commands", many)
    return commands
