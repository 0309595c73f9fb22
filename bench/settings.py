"""Settings for the benchmark: production-like, on a database of its own."""

import os

from cms.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
MEDIA_ROOT = BASE_DIR / "bench" / "results" / "media"  # noqa: F405
# The warm server shares one Redis cache between its workers (REDIS_URL, set by
# bench/__main__.py), as production must; BENCH_CACHE=dummy serves every request
# cold: no response or serialised page is ever reused.
if os.environ.get("BENCH_CACHE") == "dummy":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# bench/publishing.py: the old generation scheme, and which answers the cache served.
if os.environ.get("BENCH_RENEW_EVERY_TAG"):
    CASEBOOK_API = {"RENEW_EVERY_TAG": True}
if os.environ.get("BENCH_SERVED_HEADER"):
    MIDDLEWARE = ["bench.served.served_from_cache", *MIDDLEWARE]  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Supporters' submissions under load (bench/scaling.py): limits far above the load,
# so they are checked on every request but never hit; messages wait in the database.
if os.environ.get("BENCH_ACTIONS"):
    CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["10000000/60"], "EMAIL": ["1000/60"]}
    }
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
