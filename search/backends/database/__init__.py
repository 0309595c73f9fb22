"""The embedded default: searching and indexing in the database, without Elasticsearch.

``query`` answers searches in the API's shape, ``indexing`` keeps the
``PageText`` rows in step with live, public pages, ``text`` analyses words per
language and ``store`` speaks the SQL of PostgreSQL or SQLite.
"""

from .query import DatabaseBackend, StockDatabaseBackend

__all__ = ["DatabaseBackend", "StockDatabaseBackend"]
