"""The search plugin's settings: one ``SEARCH`` dict, read here and nowhere else.

Every key is optional::

    SEARCH = {
        "URL": os.environ.get("ELASTICSEARCH_URL", ""),  # empty: Wagtail's database search
        "INDEX_PREFIX": "cms",         # indexes are <prefix>-pages-<locale>
        "AUTOSYNC": True,              # index on publish; False leaves the index alone
    }
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

DEFAULTS = {
    "URL": "",
    "INDEX_PREFIX": "cms",
    "AUTOSYNC": True,
    # Keyword arguments for elasticsearch.Elasticsearch(), such as api_key or node_class.
    "CONNECTION": {},
    "TIMEOUT": 10,
    # A failed indexing task is tried again this many times, waiting
    # RETRY_BACKOFF seconds and doubling each time, when the task backend can defer.
    "TASK_RETRIES": 3,
    "RETRY_BACKOFF": 30,
    # True, False or "auto": use the analysis-icu plugin when the cluster has it.
    "ICU": "auto",
    # Elasticsearch's built-in language analyzer per Wagtail locale.
    "ANALYZERS": {"en": "english", "it": "italian", "ru": "russian", "zh-hant": "cjk"},
    # The embedded index's rules per locale: the Snowball stemmer, which is also the
    # name of PostgreSQL's text search configuration. "simple" does not stem;
    # CJK text is split into bigrams in every locale.
    "DATABASE_LANGUAGES": {
        "en": "english",
        "it": "italian",
        "ru": "russian",
        "zh-hant": "simple",
    },
    # Where each facet's values come from: dotted paths tried on every page.
    # Where each facet's values come from: dotted paths tried on every page. None:
    # from what the page types declare their teasers show (declared_facets()).
    "FACETS": None,
    # The first of these attributes that a page has is its summary in results.
    "SUMMARY_ATTRIBUTES": ["summary", "intro", "search_description"],
    # Settings for each new concrete index, such as number_of_replicas.
    "INDEX_SETTINGS": {"number_of_shards": 1},
    "EXCLUDE_MODELS": ["wagtailcore.page"],
    "MAX_LIMIT": 50,
    "BULK_CHUNK_SIZE": 500,
}

_cache = {}


def get_setting(name):
    if not _cache:
        _cache.update(DEFAULTS, **getattr(settings, "SEARCH", {}))
    if name == "FACETS" and _cache[name] is None:
        return declared_facets()
    return _cache[name]


@functools.cache
def declared_facets():
    """Each facet's dotted paths, read from the page types' teaser declarations
    (``cms.models.mixins.TeaserMixin``): a page's countries' ISO codes (a country
    page's own), its status and its tags' names."""
    from wagtail.models import get_page_models

    facets = {"country": [], "status": [], "tag": []}

    def add(name, path):
        if path not in facets[name]:
            facets[name].append(path)

    for model in get_page_models():
        countries = getattr(model, "teaser_countries", None)
        if countries:
            add(
                "country",
                "iso_code" if countries == "self" else f"{countries}.iso_code",
            )
        if status := getattr(model, "teaser_status", None):
            add("status", status)
        if tags := getattr(model, "teaser_tags", None):
            add("tag", f"{tags}.name")
    return facets


def uses_elasticsearch():
    """Elasticsearch when a URL is set; otherwise Wagtail's database search."""
    return bool(get_setting("URL"))


# What modules learnt from the settings and must forget when they change (tests
# do): each adds its own reset, so that this module, which every other one
# imports, imports none of them.
_resets = []


def on_settings_changed(reset):
    """Call ``reset()`` whenever ``SEARCH`` changes. Usable as a decorator."""
    _resets.append(reset)
    return reset


@receiver(setting_changed)
def clear_on_setting_changed(setting, **kwargs):
    if setting == "SEARCH":
        _cache.clear()
        for reset in _resets:
            reset()
