import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The development outbox, for the tests of the demo walk (cms/outbox/README.md).
INSTALLED_APPS = ["cms.outbox", *INSTALLED_APPS]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Each xdist worker gets its own indexes; tests that want signal-driven indexing turn
# AUTOSYNC on. The URL is empty so the suite never reaches a real cluster by accident:
# the tests marked elasticsearch read ELASTICSEARCH_URL themselves.
SEARCH = {
    "URL": "",
    "INDEX_PREFIX": f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}",
    "AUTOSYNC": False,
}

# Each test run keeps its cache in memory, whatever REDIS_URL the shell has.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests: serve from the finders

# Encoding AVIF takes about a second per picture here: the image tests turn it on,
# the rest of the suite offers WebP only (cms.images).
CASEBOOK_IMAGES = {"FORMATS": ["webp"]}

# Embeds come from a table in the tests, never from a provider.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embed_finder.LocalEmbedFinder"}]
