"""Fixed-window rate limits kept in Django's cache.

Use a cache shared by every server process (Redis in production): with the
per-process local-memory cache each process counts on its own.
"""

import time

from django.core.cache import cache

from caseblocks.conf import get_setting


def parse_rule(rule):
    count, _slash, seconds = rule.partition("/")
    return int(count), int(seconds)


def hit(scope, identity, now=None):
    """Count one attempt of ``identity`` in ``scope`` ("ADDRESS" or "EMAIL").

    Return how many seconds to wait if a limit is now exceeded, else None.
    Every attempt counts, accepted or not, so retrying does not help.
    """
    now = time.time() if now is None else now
    wait = None
    for rule in get_setting("RATE_LIMITS").get(scope, ()):
        count, seconds = parse_rule(rule)
        window = int(now // seconds)
        key = f"caseblocks:rate:{scope}:{seconds}:{window}:{identity}"
        cache.add(key, 0, timeout=seconds + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds + 1)
            used = 1
        if used > count:
            left = int(seconds - now % seconds) + 1
            wait = max(wait or 0, left)
    return wait
