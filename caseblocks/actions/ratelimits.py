"""Fixed-window rate limits kept in Django's cache.

Use a cache shared by every server process (Redis in production): with the
per-process local-memory cache each process counts on its own. With Django's
Redis cache every window of a scope is counted in one round trip.
"""

import contextlib
import time

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured

from caseblocks.conf import DEFAULTS, get_setting


def parse_rule(rule):
    count, _slash, seconds = str(rule).partition("/")
    try:
        parsed = int(count), int(seconds)
    except ValueError:
        parsed = (0, 0)
    if min(parsed) < 1:
        raise ImproperlyConfigured(
            f"CASEBOOK_ACTIONS['RATE_LIMITS'] rule {rule!r} is not 'count/seconds' "
            "with both 1 or more."
        )
    return parsed


def rules():
    """``{scope: [(count, seconds), ...]}`` of every scope, each with a rule at least.

    A scope left out of ``RATE_LIMITS`` keeps its default rules, and a scope with
    no rule is refused: a limit can be raised or lowered (a test's loose limits
    included) but never switched off, so no test can pass by turning off the limit
    it is about.
    """
    scopes = DEFAULTS["RATE_LIMITS"]
    configured = get_setting("RATE_LIMITS")
    unknown = set(configured) - set(scopes)
    if unknown:
        raise ImproperlyConfigured(
            f"CASEBOOK_ACTIONS['RATE_LIMITS'] has unknown scopes {sorted(unknown)}."
        )
    found = {}
    for scope in scopes:
        found[scope] = [
            parse_rule(rule) for rule in configured.get(scope, scopes[scope])
        ]
        if not found[scope]:
            raise ImproperlyConfigured(
                f"CASEBOOK_ACTIONS['RATE_LIMITS'][{scope!r}] has no rule: a limit "
                "cannot be switched off; raise it instead."
            )
    return found


def hit(scope, identity, now=None):
    """Count one attempt of ``identity`` in ``scope`` ("ADDRESS" or "EMAIL").

    Return how many seconds to wait if a limit is now exceeded, else None.
    Every attempt counts, accepted or not, so retrying does not help.
    """
    return hit_scopes({scope: identity}, now)[scope]


def hit_scopes(identities, now=None):
    """``hit`` for each ``{scope: identity}`` at once: one cache round trip with Redis.

    Return ``{scope: seconds to wait or None}``.
    """
    return Attempt(identities, now).count()


def hit_scopes_if_cached(identities, key, absent, flag, now=None):
    """Read ``key`` from the cache and, if it holds something other than
    ``absent``, ``hit_scopes`` and add ``flag`` (``(key, seconds)``, as
    ``cache.add`` would): one round trip with Redis for all three.

    Return ``(value, waits, attempt, flag_added)``; ``value`` is None, and
    nothing is counted or added, when the key holds nothing or ``absent``.
    ``give_back(attempt)`` uncounts the attempt.
    """
    attempt = Attempt(identities, now)
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        value, counts, added = read_and_count_in_redis(
            backend, key, absent, attempt.windows, flag
        )
    else:
        value = backend.get(key)
        if value is None or value == absent:
            value = None
        else:
            counts = count_attempts(attempt.windows)
            added = backend.add(flag[0], 1, flag[1])
    if value is None:
        return None, None, None, False
    return value, attempt.waits(counts), attempt, added


class Attempt:
    """One attempt of each ``{scope: identity}``: the window counters it adds to."""

    def __init__(self, identities, now=None):
        self.now = time.time() if now is None else now
        limits = rules()
        self.rules = [
            (scope, count, seconds)
            for scope in identities
            for count, seconds in limits[scope]
        ]
        self.windows = [
            (
                f"caseblocks:rate:{scope}:{seconds}:{int(self.now // seconds)}:"
                f"{identities[scope]}",
                seconds,
            )
            for scope, _count, seconds in self.rules
        ]
        self.scopes = list(identities)

    def count(self):
        """Count this attempt in each of its windows; return ``waits``."""
        return self.waits(count_attempts(self.windows))

    def waits(self, counts):
        """``{scope: seconds to wait or None}`` once its windows hold ``counts``."""
        waits = dict.fromkeys(self.scopes)
        for (scope, count, seconds), used in zip(self.rules, counts, strict=True):
            if used > count:
                left = int(seconds - self.now % seconds) + 1
                waits[scope] = max(waits[scope] or 0, left)
        return waits


def give_back(attempt):
    """Uncount ``attempt``: for a request refused after it was counted."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    for key, _seconds in attempt.windows:
        # A window closed since has nothing to give back.
        with contextlib.suppress(ValueError):
            backend.decr(key)


def count_attempts(windows):
    """Add one to the counter of each ``(key, seconds)`` window; return the counts.

    A window's counter lives a second longer than the window, so it is gone
    before its key could be reused.
    """
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not windows:
        return []
    if isinstance(backend, RedisCache):
        return count_in_redis(backend, windows)
    return [count_in_cache(backend, key, seconds) for key, seconds in windows]


# Per window: create its counter at 0 with its lifetime if it is new, then add one.
COUNT_WINDOWS = """
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call("SET", key, 0, "EX", ARGV[i], "NX")
  counts[i] = redis.call("INCR", key)
end
return counts
"""

# KEYS[1] is read; unless it is missing or holds ARGV[1], KEYS[2] is added
# (SET NX EX ARGV[2]) and each window after it counted as COUNT_WINDOWS counts
# them. The value read comes first, then whether KEYS[2] was added.
READ_AND_COUNT_WINDOWS = """
local value = redis.call("GET", KEYS[1])
if not value or value == ARGV[1] then
  return {false}
end
local added = redis.call("SET", KEYS[2], 1, "EX", ARGV[2], "NX") and 1 or 0
local answer = {value, added}
for i = 3, #KEYS do
  redis.call("SET", KEYS[i], 0, "EX", ARGV[i], "NX")
  answer[i] = redis.call("INCR", KEYS[i])
end
return answer
"""


def count_in_redis(backend, windows):
    # Django's cache API has no "create with a timeout, then increment" in one
    # call; one script does it for every window, in one command: a pipeline of a
    # SET NX EX and an INCR per window took as many commands to write and replies
    # to read. The client is the backend's own (``_cache``), on its connection
    # pool. The counters are plain integers, as Django's Redis serialiser stores
    # them.
    client = backend._cache.get_client(write=True)
    keys = [backend.make_and_validate_key(key) for key, _seconds in windows]
    lifetimes = [seconds + 1 for _key, seconds in windows]
    return script(client, COUNT_WINDOWS)(keys=keys, args=lifetimes)


def read_and_count_in_redis(backend, key, absent, windows, flag):
    """``(value of key, counts, flag added)``, or ``(None, None, False)``
    when nothing was counted."""
    client = backend._cache.get_client(write=True)
    serializer = backend._cache._serializer
    flag_key, flag_seconds = flag
    keys = [backend.make_and_validate_key(name) for name in (key, flag_key)] + [
        backend.make_and_validate_key(window) for window, _seconds in windows
    ]
    args = [serializer.dumps(absent), flag_seconds] + [
        seconds + 1 for _key, seconds in windows
    ]
    value, *rest = script(client, READ_AND_COUNT_WINDOWS)(keys=keys, args=args)
    if value is None:
        return None, None, False
    added, *counts = rest
    return serializer.loads(value), counts, bool(added)


def script(client, source):
    """The script ``source``, registered once per client (EVALSHA, loaded when missing)."""
    scripts = getattr(client, "_caseblocks_scripts", None)
    if scripts is None:
        scripts = client._caseblocks_scripts = {}
    if source not in scripts:
        scripts[source] = client.register_script(source)
    return scripts[source]


def count_in_cache(cache, key, seconds):
    try:
        return cache.incr(key)  # the window's counter usually exists already
    except ValueError:
        if cache.add(key, 1, timeout=seconds + 1):
            return 1
        return cache.incr(key)
