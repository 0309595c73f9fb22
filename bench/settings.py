"""Settings for the benchmark: production-like, on a database of its own."""

import os

from cms.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
MEDIA_ROOT = BASE_DIR / "bench" / "results" / "media"  # noqa: F405
# BENCH_CACHE=dummy serves every request cold: no serialised page is ever reused.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.dummy.DummyCache"
        if os.environ.get("BENCH_CACHE") == "dummy"
        else "django.core.cache.backends.locmem.LocMemCache"
    }
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
