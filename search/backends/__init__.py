"""Where searches are answered and pages indexed: Elasticsearch when ``SEARCH["URL"]`` is set, else the database."""

from ..conf import uses_elasticsearch


def get_backend():
    if uses_elasticsearch():
        from .elasticsearch.query import ElasticsearchBackend

        return ElasticsearchBackend()
    from .database import DatabaseBackend

    return DatabaseBackend()


def get_indexer():
    """The module whose ``sync_page`` and ``sync_subtree`` keep the index in step."""
    if uses_elasticsearch():
        from .elasticsearch import indexing
    else:
        from .database import indexing
    return indexing
