"""Settings of the delivery API, read in one place.

``CASEBOOK_API`` overrides any of ``DEFAULTS``; ``CASEBOOK_FRONTEND_URL`` is the
front-end that draft previews open.
"""

from django.conf import settings

DEFAULTS = {
    # Page size of listings when the client gives no limit, and the most it may ask.
    "DEFAULT_LIMIT": 20,
    "MAX_LIMIT": 100,
    # Cache-Control max-age of public responses, in seconds.
    "MAX_AGE": 60,
    # How long a serialised page stays in the Django cache, in seconds.
    "CACHE_TIMEOUT": 3600,
    # How long a draft preview link stays valid, in seconds: short, since a link
    # that leaks shows the draft to anyone until then, and the admin makes a new
    # one on every preview.
    "PREVIEW_MAX_AGE": 600,
    # Bytes of cached response bodies each worker keeps by ETag, so that a hit
    # reads only a small entry from the shared cache (cms.api.responses).
    "LOCAL_BODIES": 32 * 1024 * 1024,
    # Renew every cached entry on every content change, as one generation did:
    # only to measure the tags against (bench/publishing.py).
    "RENEW_EVERY_TAG": False,
    # How many cases and news posts a country carries in /countries/.
    "LATEST_PER_COUNTRY": 3,
    # How many teasers each list of a page's ``include=`` carries (then ``next``).
    "INCLUDE_LIMIT": 10,
    # A page asked for in a locale it has no public translation in: "404", or
    # "fallback" to serve it in the default locale, marked (cms.api.locales).
    "MISSING_TRANSLATION": "404",
}


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_API", {})}[name]


def frontend_url():
    return getattr(settings, "CASEBOOK_FRONTEND_URL", "").rstrip("/")
