"""The plugin's one settings dict, ``CASEBOOK_TRANSLATION``, read here only."""

from django.conf import settings

DEFAULTS = {
    # Bring translations up to date whenever their source page is published.
    "SYNC_ON_PUBLISH": True,
}


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_TRANSLATION", {})}[name]
