"""Production: everything comes from the environment, and a missing secret fails loudly."""

import json
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").lower() == "true"

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Limits, throttles and the API's cache count in the default cache: per process,
# each worker would count on its own and keep serving pages it cached after they
# are unpublished (cms/checks.py). Only one process on purpose may go without Redis.
CASEBOOK_SINGLE_PROCESS = env("CASEBOOK_SINGLE_PROCESS", "false").lower() == "true"
if not os.environ.get("REDIS_URL") and not CASEBOOK_SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "Set REDIS_URL: production needs a cache shared by every worker, or the "
        "rate limits and login throttles multiply by the number of workers and "
        "unpublished pages stay served from a worker's memory. If exactly one "
        "process serves, set CASEBOOK_SINGLE_PROCESS=true instead."
    )

# Behind proxies, the header in which they record the client's address (as Django
# names it, e.g. HTTP_X_FORWARDED_FOR) and how many of them append to it; otherwise
# every supporter and every editor share the proxy's address, and its rate limits
# and login throttle (caseblocks/client_address.py).
CASEBOOK_CLIENT_ADDRESS = {
    "HEADER": env("CLIENT_ADDRESS_HEADER", ""),
    "TRUSTED_PROXIES": int(env("CLIENT_ADDRESS_TRUSTED_PROXIES", "1")),
    "IPV6_PREFIX": int(env("CLIENT_ADDRESS_IPV6_PREFIX", "64")),
}
# Supporters' actions (every key: caseblocks/conf.py).
CASEBOOK_ACTIONS = {
    "FINGERPRINT_KEY": env("ACTIONS_FINGERPRINT_KEY", ""),
    "FROM_EMAIL": env("ACTIONS_FROM_EMAIL", ""),
}

# Background work runs in django-tasks workers against the database queue.
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
}

# Front-ends to tell about each content change (docs/webhooks.md): a JSON list,
# e.g. [{"NAME": "site", "URL": "https://site.example/hook", "SECRET": "..."}].
try:
    CASEBOOK_WEBHOOKS = {"ENDPOINTS": json.loads(env("WEBHOOK_ENDPOINTS", "[]"))}
except ValueError:
    # Not the value itself in the message: it holds the secrets.
    raise ImproperlyConfigured("WEBHOOK_ENDPOINTS must be a JSON list.") from None

# Machine drafts for translators, from the first service configured; none otherwise.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_AUTH_KEY")},
    }
elif os.environ.get("GOOGLE_TRANSLATE_PROJECT_ID"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        # Credentials come from GOOGLE_APPLICATION_CREDENTIALS; needs google-cloud-translate.
        "OPTIONS": {"PROJECT_ID": env("GOOGLE_TRANSLATE_PROJECT_ID")},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"),
            "API_KEY": env("LIBRETRANSLATE_API_KEY", ""),
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
