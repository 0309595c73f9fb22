"""Where searches are answered: Elasticsearch when ``SEARCH["URL"]`` is set, else the database."""

from ..conf import uses_elasticsearch


def get_backend():
    if uses_elasticsearch():
        from .elasticsearch.query import ElasticsearchBackend

        return ElasticsearchBackend()
    from .database import DatabaseBackend

    return DatabaseBackend()
