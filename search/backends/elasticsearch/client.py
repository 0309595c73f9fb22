"""The one Elasticsearch client, configured from ``SEARCH`` through ``elasticsearch.dsl``."""

import contextlib

from elasticsearch.dsl import connections

from ...analysis import clear_icu_cache
from ...conf import get_setting

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


def reset_client():
    """Forget the client and what was learnt from the cluster (settings changed)."""
    from ...documents import document_class_cache_clear

    with contextlib.suppress(KeyError):
        connections.remove_connection(ALIAS)
    clear_icu_cache()
    document_class_cache_clear()
    _known_aliases.clear()


def known_aliases():
    """Aliases seen to exist in this process, so a publish need not ask again."""
    return _known_aliases
