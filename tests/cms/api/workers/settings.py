"""Settings of the worker processes the multi-worker cache test starts.

Production-like: one Redis cache shared by every worker (REDIS_URL, with the
KEY_PREFIX the test gives), a database of the test's own (DATABASE_URL).
"""

import os

from cms.settings.base import *  # noqa: F403

SECRET_KEY = "workers-test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SEARCH = {"URL": "", "AUTOSYNC": False}
CACHES = {
    "default": {
        "BACKEND": "cms.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ["CACHE_KEY_PREFIX"],
    }
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False}
