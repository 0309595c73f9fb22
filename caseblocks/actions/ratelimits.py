"""Fixed-window rate limits kept in Django's cache.

Use a cache shared by every server process (Redis in production): with the
per-process local-memory cache each process counts on its own. With Django's
Redis cache every window of a scope is counted in one round trip.
"""

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
    now = time.time() if now is None else now
    limits = rules()
    scope_rules = [
        (scope, count, seconds)
        for scope in identities
        for count, seconds in limits[scope]
    ]
    windows = [
        (
            f"caseblocks:rate:{scope}:{seconds}:{int(now // seconds)}:{identities[scope]}",
            seconds,
        )
        for scope, _count, seconds in scope_rules
    ]
    waits = dict.fromkeys(identities)
    for (scope, count, seconds), used in zip(
        scope_rules, count_attempts(windows), strict=True
    ):
        if used > count:
            left = int(seconds - now % seconds) + 1
            waits[scope] = max(waits[scope] or 0, left)
    return waits


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
    return count_script(client)(keys=keys, args=lifetimes)


def count_script(client):
    """The counting script, registered once per client (EVALSHA, loaded when missing)."""
    script = getattr(client, "_caseblocks_count_windows", None)
    if script is None:
        script = client._caseblocks_count_windows = client.register_script(
            COUNT_WINDOWS
        )
    return script


def count_in_cache(cache, key, seconds):
    try:
        return cache.incr(key)  # the window's counter usually exists already
    except ValueError:
        if cache.add(key, 1, timeout=seconds + 1):
            return 1
        return cache.incr(key)
