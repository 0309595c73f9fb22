"""The one Elasticsearch client, configured from ``SEARCH`` through ``elasticsearch.dsl``."""

import contextlib

from elasticsearch.dsl import connections

from ...analysis import clear_icu_cache
from ...conf import get_setting, on_settings_changed

ALIAS = "search"
_known_aliases = set()


def get_client():
    try:
        return connections.get_connection(ALIAS)
    except KeyError:
        return connections.create_connection(
            ALIAS,
            hosts=[get_setting("URL")],
            request_timeout=get_setting("TIMEOUT"),
            **get_setting("CONNECTION"),
        )


@on_settings_changed
def reset_client():
    """Forget the client and what was learnt from the cluster (settings changed).

    The document classes, built from what the cluster supports, forget theirs
    too (``search.documents`` resets them on the same change).
    """
    with contextlib.suppress(KeyError):
        connections.remove_connection(ALIAS)
    clear_icu_cache()
    _known_aliases.clear()


def known_aliases():
    """Aliases seen to exist in this process, so a publish need not ask again."""
    return _known_aliases
