"""Django's Redis cache backend, keeping one ``redis.Redis`` per connection pool,
and able to watch a key without asking Redis (``RedisCache.watch``).

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` for every
cache call, and redis-py builds its table of some 170 response callbacks each
time: measured here, about 40% of the one cache read of a warm API response. A
``redis.Redis`` on a connection pool is safe to share (each command borrows a
connection from the pool), so this client makes one per pool and keeps it.
Everything else is Django's backend, configured as usual::

    CACHES = {"default": {"BACKEND": "cms.cache.RedisCache", "LOCATION": REDIS_URL}}
"""

import contextlib
import itertools
import logging
import os
import threading
import time
import uuid

from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as ReadTimeout

from django.core.cache.backends import redis

logger = logging.getLogger(__name__)


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def tracking_connection(self):
        """A new connection to the server written to, speaking RESP3 (for pushes)."""
        pool = self._get_connection_pool(write=True)
        return pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def watch(self, key):
        """The process's ``KeyWatch`` on ``key`` (a key of this cache, not yet made).

        Asked on every cached read: found once per backend and key, then kept.
        """
        watches = self.__dict__.setdefault("_key_watches", {})
        if key not in watches:
            watches[key] = KeyWatch.of(self._cache, self.make_and_validate_key(key))
        return watches[key]


# Marks are unique in the process, whichever watch made them.
_marks = itertools.count(1)


class KeyWatch:
    """Tells, without a round trip, whether Redis may have written a key since.

    A connection of its own speaks RESP3 and turns on ``CLIENT TRACKING`` in
    broadcast mode for the key: Redis then pushes a message on it whenever the
    key is written, expires or is evicted, or the database is flushed. ``mark()``
    looks, without waiting, whether anything arrived, and returns a number that
    changes whenever something did. What was read from the cache after one mark
    was taken is as current as the key while ``mark()`` still returns that mark.

    A watch starts by writing a key of its own, tracked too, and waiting for its
    push: a server or proxy that accepts the command but keeps the pushes gives
    no watch (and is asked again a minute later). Anything unexpected (the
    connection lost, a server without tracking) ends the watch: ``mark()``
    returns None, and tries again a second later. A child process (a forked
    worker) opens its own connection.

    Redis writes the push as it answers the write, so one short window remains:
    a worker answering in the moment between the two still holds the old mark.
    """

    RETRY_AFTER = 1.0
    RETRY_NO_PUSH = 60.0
    WAIT = 0.1
    _watches = {}
    _lock = threading.Lock()

    @classmethod
    def of(cls, client, key):
        with cls._lock:
            watch = cls._watches.get((client._servers[0], key))
            if watch is None:
                watch = cls._watches[(client._servers[0], key)] = cls(client, key)
            return watch

    def __init__(self, client, key):
        self.client, self.key = client, key
        self.connection = None
        self.pid = None
        self.current = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def mark(self):
        with self.lock:
            if self.pid != os.getpid():
                if self.connection is not None:
                    self._stop()  # the parent's: closed here, left open there
                self.pid, self.retry_at = os.getpid(), 0.0
            if self.connection is None and not self._start():
                return None
            try:
                if self.connection.can_read(timeout=0):
                    # Whatever follows, what was read before is no longer vouched for.
                    self.current = next(_marks)
                    self._drain()
            except (RedisError, OSError):  # any failure ends the watch
                logger.warning("lost the watch on %s", self.key, exc_info=True)
                self._stop()
                return None
            return self.current

    def wait_past(self, mark, timeout=None):
        """Return once the watch has heard of a write after ``mark`` (a mark taken
        before this process wrote the key), or has ended.

        Then nothing this process read before its write is vouched for any more.
        Past ``timeout`` seconds the watch ends rather than go on vouching.
        """
        deadline = time.monotonic() + (self.WAIT if timeout is None else timeout)
        while self.mark() == mark and mark is not None:
            with self.lock:
                remaining = deadline - time.monotonic()
                if self.connection is None:
                    return
                if remaining <= 0:
                    logger.warning("no word of a write to %s", self.key)
                    self._stop()
                    return
                try:
                    self.connection.can_read(timeout=remaining)
                except (RedisError, OSError):  # any failure ends the watch
                    self._stop()
                    return

    def _drain(self):
        """Read the pushes that arrived; a message still arriving stays for next time."""
        while self.connection.can_read(timeout=0):
            try:
                self.connection.read_response(
                    push_request=True, timeout=0, disconnect_on_error=False
                )
            except ReadTimeout:
                return

    def _start(self):
        if time.monotonic() < self.retry_at:
            return False
        connection = self.client.tracking_connection()
        # A key of this watch alone, written once to see that pushes arrive.
        probe = f"cms.cache:watch-probe:{uuid.uuid4().hex}"
        try:
            connection.connect()
            connection.send_command(
                "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self.key, "PREFIX", probe
            )
            connection.read_response()
            self.write_probe(probe)
            if not connection.can_read(timeout=self.WAIT):
                # Something between here and Redis keeps the pushes.
                logger.warning("no push from Redis for %s", self.key)
                connection.disconnect()
                self.retry_at = time.monotonic() + self.RETRY_NO_PUSH
                return False
            self.connection = connection
            self._drain()
            # Deleted at once and its push heard now, before anything is kept:
            # left to expire, it would drop what the process keeps by then.
            self.client.get_client(write=True).delete(probe)
            if connection.can_read(timeout=self.WAIT):
                self._drain()
        except ResponseError:
            # The server cannot track keys: never ask again.
            logger.warning("Redis cannot watch %s", self.key, exc_info=True)
            connection.disconnect()
            self.connection, self.retry_at = None, float("inf")
            return False
        except (RedisError, OSError):  # no watch: the cache is read every time
            if self.retry_at == 0.0:
                logger.warning("cannot watch %s", self.key, exc_info=True)
            connection.disconnect()
            self.connection = None
            self.retry_at = time.monotonic() + self.RETRY_AFTER
            return False
        self.current, self.retry_at = next(_marks), 0.0
        return True

    def write_probe(self, probe):
        # It expires by itself should the watch never delete it.
        self.client.get_client(write=True).set(probe, 1, px=10_000)

    def _stop(self):
        connection, self.connection, self.current = self.connection, None, None
        self.retry_at = time.monotonic() + self.RETRY_AFTER
        with contextlib.suppress(RedisError, OSError):  # it is gone either way
            connection.disconnect()

    def close(self):
        with self.lock:
            if self.connection is not None:
                self._stop()
