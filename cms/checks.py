"""System checks: ``cms.E001`` no shared cache, ``cms.E002`` no cache at all,
``cms.W001`` one process on purpose (with ``--deploy``); ``cms.E003`` a login
throttle setting that is malformed or would switch it off.

The login throttle, the page-password throttle, the action rate limits, the
API's response cache and its purge on unpublish all live in Django's default
cache. A per-process cache (Django's local-memory one) gives each worker its own:
every limit is multiplied by the number of workers, and a worker that never saw
an unpublish keeps serving the page from its memory for up to ``CACHE_TIMEOUT``.
A dummy cache keeps nothing, so no limit ever counts.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

PER_PROCESS = {"django.core.cache.backends.locmem.LocMemCache"}
NOTHING_KEPT = {"django.core.cache.backends.dummy.DummyCache"}


def default_cache_backend():
    return settings.CACHES.get("default", {}).get("BACKEND", "")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    backend = default_cache_backend()
    if backend in NOTHING_KEPT:
        return [
            checks.Error(
                "The default cache keeps nothing: the login throttle, the "
                "page-password throttle and the action rate limits never count.",
                hint="Set REDIS_URL (a cache shared by every worker).",
                id="cms.E002",
            )
        ]
    if backend not in PER_PROCESS:
        return []
    if getattr(settings, "CASEBOOK_SINGLE_PROCESS", False):
        return [
            checks.Warning(
                "The default cache is kept in each process's memory "
                "(CASEBOOK_SINGLE_PROCESS is set). Run exactly one process: with "
                "more, every rate limit and login throttle is multiplied by their "
                "number, and a page can stay served from a worker's memory after "
                "it is unpublished.",
                hint="Set REDIS_URL before running a second process.",
                id="cms.W001",
            )
        ]
    return [
        checks.Error(
            "The default cache is kept in each process's memory: with several "
            "workers every rate limit and login throttle is multiplied by their "
            "number, and a worker keeps serving a page it cached after the page "
            "is unpublished.",
            hint=(
                "Set REDIS_URL (a cache shared by every worker), or "
                "CASEBOOK_SINGLE_PROCESS=true if exactly one process serves."
            ),
            id="cms.E001",
        )
    ]


@checks.register()
def check_login_throttle(app_configs=None, **kwargs):
    from cms import login_throttle

    try:
        for name in login_throttle.DEFAULTS:
            login_throttle.get_setting(name)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="cms.E003")]
    return []
